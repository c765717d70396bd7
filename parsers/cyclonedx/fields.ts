// CycloneDX values that map onto SPDX 2 fields: hashes to checksums, licences to expressions, purl/cpe and
// external references to external refs, organisational entities to actors, `properties` kept as they are.
import type { ConvertContext } from '../json-like/context.js';
import { lowerHex } from '../json-like/checksums.js';
import { at, isObject, license, objList, show, str } from '../json-like/values.js';
import { CYCLONEDX_TO_SPDX_ALGORITHM } from './hash-algorithms.js';
import type { Actor, Checksum, ExternalPackageRef, LicenseExpression, Property, Spdx } from '../model.js';

/**
 * Hash content is checked (hex, length) by validation, on the model: a large BOM has hundreds of thousands. The list's
 * path is `base.key`, made into text only for a diagnostic (as in json-like/values.ts).
 */
export function hashes(ctx: ConvertContext, value: unknown, base: string, key?: string): Checksum[] {
  const list = objList(ctx, value, base, key);
  // Sized exactly: an array grown by push reserves 17 slots, tens of megabytes over a large BOM.
  const out: Checksum[] = new Array<Checksum>(list.length);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const h = list[i]!;
    const alg = typeof h.alg === 'string' ? h.alg : str(ctx, h.alg, at(at(base, key), i), 'alg');
    const content = typeof h.content === 'string' ? h.content : str(ctx, h.content, at(at(base, key), i), 'content');
    if (alg === undefined || content === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'a hash needs alg and content', at(at(base, key), i));
      continue;
    }
    const algorithm = CYCLONEDX_TO_SPDX_ALGORITHM[alg];
    if (algorithm === undefined) ctx.error('CYCLONEDX_HASH_ALGORITHM', `unknown hash algorithm ${show(alg)}; kept as written`, at(at(at(base, key), i), 'alg'));
    out[n++] = { algorithm: algorithm ?? alg, value: lowerHex(content) };
  }
  if (n < out.length) out.length = n;
  return out;
}

/** Licences split by acknowledgement (1.6): concluded ones, and the rest (declared, or not said). */
export interface Licences {
  declared?: Spdx<LicenseExpression>;
  concluded?: Spdx<LicenseExpression>;
}

/**
 * `[{license: {id | name}}, ...]` or `[{expression}]`: one expression per acknowledgement, items joined with AND
 * (a list of licences means all of them apply). A licence name is not an SPDX id, so such an expression keeps its
 * text and has no parse.
 */
export function licences(ctx: ConvertContext, value: unknown, base: string, key?: string): Licences {
  const single = singleId(value);
  if (single !== undefined) {
    // Hot path: one licence id, read once per document and shared (the model's values are never mutated).
    let known = singleIdLicences.get(ctx);
    if (!known) singleIdLicences.set(ctx, (known = new Map()));
    let found = known.get(single);
    if (!found) known.set(single, (found = licencesOf(ctx, value, at(base, key))));
    return found;
  }
  return licencesOf(ctx, value, at(base, key));
}

const singleIdLicences = new WeakMap<ConvertContext, Map<string, Licences>>();

/** The id of `[{license: {id}}]` without an acknowledgement, or undefined. */
function singleId(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const item: unknown = value[0];
  const license = isObject(item) && item.expression === undefined ? item.license : undefined;
  return isObject(license) && typeof license.id === 'string' && license.acknowledgement === undefined ? license.id : undefined;
}

function licencesOf(ctx: ConvertContext, value: unknown, base: string): Licences {
  const list = objList(ctx, value, base);
  if (list.length === 0) return {};
  const declared: string[] = [];
  const concluded: string[] = [];
  let named = false;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const path = at(base, i);
    let text: string | undefined;
    let ack: unknown;
    if (item.expression !== undefined) {
      text = str(ctx, item.expression, path, 'expression');
      ack = item.acknowledgement;
    } else if (isObject(item.license)) {
      const l = item.license;
      const id = str(ctx, l.id, path, 'license.id');
      const name = id === undefined ? str(ctx, l.name, path, 'license.name') : undefined;
      if (id === undefined && name === undefined) ctx.error('MISSING_REQUIRED_FIELD', 'a license needs an id or a name', at(path, 'license'));
      if (name !== undefined) named = true;
      text = id ?? name;
      ack = l.acknowledgement;
    } else {
      ctx.error('MISSING_REQUIRED_FIELD', 'a licenses item needs license or expression', path);
    }
    if (text === undefined) continue;
    (ack === 'concluded' ? concluded : declared).push(list.length > 1 && /\s/.test(text) ? `(${text})` : text);
  }
  const join = (texts: string[]): Spdx<LicenseExpression> | undefined => {
    if (texts.length === 0) return undefined;
    const text = texts.join(' AND ');
    if (named) return { text };
    return license(ctx, text, base);
  };
  const out: Licences = {};
  const d = join(declared);
  if (d) out.declared = d;
  const c = join(concluded);
  if (c) out.concluded = c;
  return out;
}

/** purl and cpe of a component, then its externalReferences (as `cyclonedx:<type>` refs). */
export function externalRefs(ctx: ConvertContext, c: Record<string, unknown>, base: string): ExternalPackageRef[] {
  const refs = Array.isArray(c.externalReferences) ? c.externalReferences.length : 0;
  const out: ExternalPackageRef[] = new Array<ExternalPackageRef>(2 + refs);
  let n = 0;
  const purl = typeof c.purl === 'string' ? c.purl : str(ctx, c.purl, base, 'purl');
  if (purl !== undefined) out[n++] = { category: 'PACKAGE-MANAGER', type: 'purl', locator: purl };
  const cpe = typeof c.cpe === 'string' ? c.cpe : str(ctx, c.cpe, base, 'cpe');
  if (cpe !== undefined) out[n++] = { category: 'SECURITY', type: cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type', locator: cpe };
  if (c.externalReferences !== undefined) {
    const list = objList(ctx, c.externalReferences, base, 'externalReferences');
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      // Paths are built only off the hot path, when a value is not a plain string.
      const url = typeof r.url === 'string' ? r.url : str(ctx, r.url, at(at(base, 'externalReferences'), i), 'url');
      const type = typeof r.type === 'string' ? r.type : str(ctx, r.type, at(at(base, 'externalReferences'), i), 'type');
      if (url === undefined || type === undefined) {
        ctx.error('MISSING_REQUIRED_FIELD', 'an external reference needs url and type', at(at(base, 'externalReferences'), i));
        continue;
      }
      out[n++] = sharedRef(ctx, refType(type), url);
    }
  }
  out.length = n;
  return out;
}

/**
 * One frozen reference per type and url in a document: most components of a BOM point at a handful of websites and
 * repositories, and each reference object would otherwise outlive the conversion (the model is never mutated).
 */
function sharedRef(ctx: ConvertContext, type: string, url: string): ExternalPackageRef {
  let byType = sharedRefs.get(ctx);
  if (!byType) sharedRefs.set(ctx, (byType = new Map()));
  let byUrl = byType.get(type);
  if (!byUrl) byType.set(type, (byUrl = new Map()));
  let found = byUrl.get(url);
  if (!found) {
    found = Object.freeze({ category: 'OTHER', type, locator: url });
    // Bounded: in a BOM where every url is its own, the map would cost more than the objects it saves.
    if (byUrl.size < SHARED_URLS) byUrl.set(url, found);
  }
  return found;
}
const SHARED_URLS = 4096;
const sharedRefs = new WeakMap<ConvertContext, Map<string, Map<string, ExternalPackageRef>>>();

/** `cyclonedx:<type>`, one string per type rather than one per reference (types are a short enumeration). */
function refType(type: string): string {
  let found = REF_TYPES.get(type);
  if (found === undefined) {
    found = `cyclonedx:${type}`;
    if (REF_TYPES.size < 256) REF_TYPES.set(type, found);
  }
  return found;
}
const REF_TYPES = new Map<string, string>();

/** The document's own `properties`, under their own names; the list's path is `base.key` (text only for a diagnostic). */
export function ownProperties(ctx: ConvertContext, value: unknown, into: Property[], base: string, key?: string): void {
  if (value === undefined) return;
  const list = objList(ctx, value, base, key);
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const name = typeof item.name === 'string' ? item.name : str(ctx, item.name, at(at(base, key), i), 'name');
    if (name === undefined) {
      ctx.error('MISSING_REQUIRED_FIELD', 'a property needs a name', at(at(base, key), i));
      continue;
    }
    // The parsed object itself when it is already a property: the parse tree is thrown away after conversion.
    if (typeof item.value === 'string' && keyCount(item) === 2) into.push(item as unknown as Property);
    else into.push({ name, value: str(ctx, item.value, at(at(base, key), i), 'value') ?? '' });
  }
}

/** An organisational entity or contact (`{name, email?}`) or a plain author string as an actor. */
export function actorOf(ctx: ConvertContext, value: unknown, type: Actor['type'], base: string): Actor | undefined {
  if (typeof value === 'string') return value === '' ? undefined : { type, name: value };
  if (!isObject(value)) return undefined;
  const name = str(ctx, value.name, base, 'name');
  const email = str(ctx, value.email, base, 'email');
  const shown = name ?? email;
  if (shown === undefined) return undefined;
  return email !== undefined && name !== undefined ? { type, name, email } : { type, name: shown };
}

/**
 * An organizationalEntity as an actor: a Person when its one contact has its own name (how kube-sbom writes an SPDX
 * person as a supplier), otherwise an Organization.
 */
export function entityActor(ctx: ConvertContext, value: unknown, base: string): Actor | undefined {
  if (isObject(value) && Array.isArray(value.contact) && value.contact.length === 1) {
    const contact = actorOf(ctx, value.contact[0], 'Person', at(at(base, 'contact'), 0));
    if (contact && contact.name === value.name) return contact;
  }
  return actorOf(ctx, value, 'Organization', base);
}

/** A tool (1.4 `{vendor, name, version}` or 1.5+ component/service) as a `Tool` actor. */
export function toolActor(ctx: ConvertContext, value: Record<string, unknown>, base: string): Actor | undefined {
  const name = str(ctx, value.name, base, 'name');
  if (name === undefined) return undefined;
  const owner = str(ctx, value.vendor, base, 'vendor') ?? str(ctx, value.group, base, 'group');
  const version = str(ctx, value.version, base, 'version');
  return { type: 'Tool', name: `${owner ? `${owner} ` : ''}${name}${version ? `-${version}` : ''}` };
}

function keyCount(obj: object): number {
  let n = 0;
  for (const key in obj) if (Object.hasOwn(obj, key)) n++;
  return n;
}
