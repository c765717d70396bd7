// DER encoding of @sigstore/core's ASN.1 tree in one allocation. The library's own toDER() grows a buffer byte by
// byte at every level of the tree and was the largest single cost of verifying an image signature.

/** The parts of @sigstore/core's ASN1Obj that its DER encoding reads. */
export interface Asn1Node {
  tag: { toDER(): number };
  value: Uint8Array;
  subs: Asn1Node[];
}

const lengthOfLength = (length: number): number => {
  if (length < 0x80) return 1;
  let bytes = 0;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes++;
  return 1 + bytes;
};

function writeLength(out: Buffer, pos: number, length: number): number {
  if (length < 0x80) {
    out[pos] = length;
    return pos + 1;
  }
  const size = lengthOfLength(length) - 1;
  out[pos] = 0x80 | size;
  for (let i = size, rest = length; i >= 1; i--, rest = Math.floor(rest / 256)) out[pos + i] = rest % 256;
  return pos + 1 + size;
}

/**
 * The same bytes as ASN1Obj.toDER(): tag byte, definite length, then the children's encodings (constructed or
 * parsed-into OCTET STRING) or the raw value. Nodes are laid out in pre-order, which is also DER's byte order.
 */
export function encodeDer(root: Asn1Node): Buffer {
  const nodes: Asn1Node[] = [];
  const contentLengths: number[] = [];
  const measure = (node: Asn1Node): number => {
    const index = nodes.length;
    nodes.push(node);
    contentLengths.push(0);
    let length = 0;
    if (node.subs.length > 0) for (const sub of node.subs) length += measure(sub);
    else length = node.value.length;
    contentLengths[index] = length;
    return 1 + lengthOfLength(length) + length;
  };
  const out = Buffer.allocUnsafe(measure(root));
  let pos = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    out[pos++] = node.tag.toDER();
    pos = writeLength(out, pos, contentLengths[i]!);
    if (node.subs.length === 0) {
      out.set(node.value, pos);
      pos += node.value.length;
    }
  }
  return out;
}
