// Keys are data: commands, the keys bound to them and where they work. Screens ask "is this DOWN?", never
// "is this the down arrow?"; the help screen and the status bar are generated from this table.
import type { Key } from 'ink';

export const Command = {
  Up: 'up',
  Down: 'down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'home',
  End: 'end',
  Open: 'open',
  Element: 'element',
  Back: 'back',
  Quit: 'quit',
  ForceQuit: 'force-quit',
  Help: 'help',
  Filter: 'filter',
  Kind: 'kind',
  Sort: 'sort',
  Toggle: 'toggle',
  SelectAll: 'select-all',
  Verify: 'verify',
  VerifyAll: 'verify-all',
  Arch: 'arch',
  Export: 'export',
  Format: 'format',
  Pinned: 'pinned',
  MultiArch: 'multi-arch',
  Content: 'content',
  Write: 'write',
  Release: 'go-release',
  Explorer: 'go-explorer',
  Images: 'go-images',
  Audit: 'go-audit',
  NextScreen: 'next-screen',
  PrevScreen: 'previous-screen',
  Licenses: 'go-licenses',
  Tree: 'go-tree',
  Expand: 'expand',
  Collapse: 'collapse',
  Diff: 'go-diff',
  Folder: 'folder',
  FileName: 'file-name',
} as const;
export type Command = (typeof Command)[keyof typeof Command];

export type Scope = 'global' | 'list' | 'release' | 'explorer' | 'detail' | 'images' | 'verification' | 'export' | 'audit' | 'licenses' | 'tree' | 'diff';

export interface KeySpec {
  /** A printable character, matched exactly. */
  input?: string;
  /** A named key of Ink's Key (upArrow, pageDown, return, ...). */
  key?: keyof Key;
  ctrl?: boolean;
  /** For a named key: whether shift must be held (unset: either). */
  shift?: boolean;
  /** How the help screen writes it. */
  label: string;
}

export interface Binding {
  command: Command;
  scope: Scope;
  keys: KeySpec[];
  help: string;
  /** Shown in the status bar of its scope. */
  brief?: string;
  /** Kept in the status bar when it is narrow: without it the screen cannot be used. */
  essential?: true;
}

export const BINDINGS: readonly Binding[] = [
  { command: Command.ForceQuit, scope: 'global', keys: [{ input: 'c', ctrl: true, label: 'ctrl-c' }], help: 'quit at once, from anywhere' },
  { command: Command.Quit, scope: 'global', keys: [{ input: 'q', label: 'q' }], help: 'quit', brief: 'quit', essential: true },
  // Before ?: where a narrow status bar has room for only one of them, A stays (it is essential on every screen).
  {
    command: Command.Audit,
    scope: 'global',
    keys: [{ input: 'A', label: 'A' }],
    help: 'Audit: every check of everything verified in this run',
    brief: 'audit',
    essential: true,
  },
  { command: Command.Help, scope: 'global', keys: [{ input: '?', label: '?' }], help: 'this help', brief: 'help', essential: true },
  { command: Command.Release, scope: 'global', keys: [{ input: '1', label: '1' }], help: 'Release screen: verification checklist' },
  { command: Command.Explorer, scope: 'global', keys: [{ input: '2', label: '2' }], help: 'Explorer: every element of the document' },
  { command: Command.Images, scope: 'global', keys: [{ input: '3', label: '3' }], help: 'Images: the container image inventory' },
  {
    command: Command.Export,
    scope: 'global',
    keys: [
      { input: '4', label: '4' },
      { input: 'e', label: 'e' },
    ],
    help: 'Export: write an image list or report',
    brief: 'export',
  },
  { command: Command.Licenses, scope: 'global', keys: [{ input: 'l', label: 'l' }], help: 'Licenses: every license by count, declared and concluded' },
  { command: Command.Tree, scope: 'global', keys: [{ input: 't', label: 't' }], help: 'Tree: the relationships from the document down, collapsible' },
  { command: Command.Diff, scope: 'global', keys: [{ input: 'D', label: 'D' }], help: 'Diff: images and binaries against a second file or release' },
  { command: Command.NextScreen, scope: 'global', keys: [{ key: 'tab', shift: false, label: 'tab' }], help: 'next screen', brief: 'screens' },
  { command: Command.PrevScreen, scope: 'global', keys: [{ key: 'tab', shift: true, label: 'shift-tab' }], help: 'previous screen' },
  {
    command: Command.Up,
    scope: 'list',
    keys: [
      { key: 'upArrow', label: '↑' },
      { input: 'k', label: 'k' },
    ],
    help: 'move up',
    brief: 'move',
  },
  {
    command: Command.Down,
    scope: 'list',
    keys: [
      { key: 'downArrow', label: '↓' },
      { input: 'j', label: 'j' },
    ],
    help: 'move down',
  },
  {
    command: Command.PageUp,
    scope: 'list',
    keys: [
      { key: 'pageUp', label: 'PgUp' },
      { input: 'b', ctrl: true, label: 'ctrl-b' },
    ],
    help: 'page up',
  },
  {
    command: Command.PageDown,
    scope: 'list',
    keys: [
      { key: 'pageDown', label: 'PgDn' },
      { input: 'f', ctrl: true, label: 'ctrl-f' },
    ],
    help: 'page down',
  },
  {
    command: Command.Home,
    scope: 'list',
    keys: [
      { key: 'home', label: 'Home' },
      { input: 'g', label: 'g' },
    ],
    help: 'first line',
  },
  {
    command: Command.End,
    scope: 'list',
    keys: [
      { key: 'end', label: 'End' },
      { input: 'G', label: 'G' },
    ],
    help: 'last line',
  },
  { command: Command.Open, scope: 'release', keys: [{ key: 'return', label: 'enter' }], help: 'verify the chosen release', brief: 'verify', essential: true },
  { command: Command.Filter, scope: 'release', keys: [{ input: 'o', label: 'o' }], help: 'type a version or open a file', brief: 'open', essential: true },
  { command: Command.Open, scope: 'explorer', keys: [{ key: 'return', label: 'enter' }], help: 'open the element', brief: 'open', essential: true },
  {
    command: Command.Filter,
    scope: 'explorer',
    keys: [{ input: '/', label: '/' }],
    help: 'filter by name, SPDXID, purl or checksum; license:ID (e.g. license:Apache-2.0, * a wildcard) as in query',
    brief: 'filter',
    essential: true,
  },
  {
    command: Command.Kind,
    scope: 'explorer',
    keys: [{ input: 'f', label: 'f' }],
    help: 'kind: all, images, layers, binaries, files, packages',
    brief: 'kind',
    essential: true,
  },
  { command: Command.Sort, scope: 'explorer', keys: [{ input: 's', label: 's' }], help: 'sort: document order, name, kind', brief: 'sort' },
  {
    command: Command.Verify,
    scope: 'explorer',
    keys: [{ input: 'v', label: 'v' }],
    help: 'verify the selection (or the element under the cursor): binaries, archives, images, a layer’s image',
    brief: 'verify',
    essential: true,
  },
  {
    command: Command.Toggle,
    scope: 'explorer',
    keys: [{ input: ' ', label: 'space' }],
    help: 'select or unselect a release artifact, then move down',
    brief: 'select',
  },
  { command: Command.SelectAll, scope: 'explorer', keys: [{ input: '*', label: '*' }], help: 'select every release artifact shown, or none' },
  { command: Command.VerifyAll, scope: 'explorer', keys: [{ input: 'V', label: 'V' }], help: 'verify every release artifact shown', brief: 'all' },
  { command: Command.Open, scope: 'detail', keys: [{ key: 'return', label: 'enter' }], help: 'follow the relationship', brief: 'follow', essential: true },
  {
    command: Command.Back,
    scope: 'detail',
    keys: [
      { key: 'escape', label: 'esc' },
      { key: 'backspace', label: 'backspace' },
      { key: 'delete', label: 'backspace' },
    ],
    help: 'back',
    brief: 'back',
    essential: true,
  },
  { command: Command.Verify, scope: 'detail', keys: [{ input: 'v', label: 'v' }], help: 'verify this element when it is a release artifact', brief: 'verify' },
  {
    command: Command.Toggle,
    scope: 'images',
    keys: [{ input: ' ', label: 'space' }],
    help: 'select or unselect the image, then move down',
    brief: 'select',
    essential: true,
  },
  { command: Command.SelectAll, scope: 'images', keys: [{ input: '*', label: '*' }], help: 'select all shown, or none' },
  {
    command: Command.Verify,
    scope: 'images',
    keys: [{ input: 'v', label: 'v' }],
    help: 'verify the selection (or the image under the cursor)',
    brief: 'verify',
    essential: true,
  },
  { command: Command.VerifyAll, scope: 'images', keys: [{ input: 'V', label: 'V' }], help: 'verify every image shown', brief: 'all', essential: true },
  { command: Command.Arch, scope: 'images', keys: [{ input: 'a', label: 'a' }], help: 'architecture filter', brief: 'arch', essential: true },
  { command: Command.Filter, scope: 'images', keys: [{ input: '/', label: '/' }], help: 'filter by reference', brief: 'filter', essential: true },
  {
    command: Command.MultiArch,
    scope: 'images',
    keys: [{ input: 'm', label: 'm' }],
    help: 'multi-arch references (kube-apiserver:v1.25.4) folding the per-architecture images, or one row per architecture',
    brief: 'multi-arch',
  },
  {
    command: Command.Open,
    scope: 'images',
    keys: [{ key: 'return', label: 'enter' }],
    help: 'verification: every check and the whole reason',
    brief: 'checks',
  },
  { command: Command.Element, scope: 'images', keys: [{ input: 'd', label: 'd' }], help: "the image's SPDX element: layers, relationships", brief: 'element' },
  {
    command: Command.Back,
    scope: 'verification',
    keys: [
      { key: 'escape', label: 'esc' },
      { key: 'backspace', label: 'backspace' },
      { key: 'delete', label: 'backspace' },
    ],
    help: 'back to Images (or to Audit, when opened there)',
    brief: 'back',
    essential: true,
  },
  { command: Command.Element, scope: 'verification', keys: [{ input: 'd', label: 'd' }], help: "the image's SPDX element", brief: 'element' },
  { command: Command.Verify, scope: 'verification', keys: [{ input: 'v', label: 'v' }], help: 'verify this image (again)', brief: 'verify', essential: true },
  {
    command: Command.Open,
    scope: 'audit',
    keys: [{ key: 'return', label: 'enter' }],
    help: 'every check of the artifact and the whole reason',
    brief: 'why',
    essential: true,
  },
  { command: Command.Verify, scope: 'audit', keys: [{ input: 'v', label: 'v' }], help: 'verify the artifact again', brief: 'verify' },
  {
    command: Command.Content,
    scope: 'export',
    keys: [{ input: 'c', label: 'c' }],
    help: 'what: image list or verification report',
    brief: 'what',
    essential: true,
  },
  {
    command: Command.Format,
    scope: 'export',
    keys: [{ input: 'f', label: 'f' }],
    help: 'format: txt, json, csv, yaml, md (a report: json, txt)',
    brief: 'format',
    essential: true,
  },
  {
    command: Command.Folder,
    scope: 'export',
    keys: [{ input: 'd', label: 'd' }],
    help: 'the folder to write into (relative: from the export folder)',
    brief: 'folder',
    essential: true,
  },
  {
    command: Command.FileName,
    scope: 'export',
    keys: [{ input: 'n', label: 'n' }],
    help: "the file name (empty: the format's own name)",
    brief: 'name',
    essential: true,
  },
  { command: Command.Pinned, scope: 'export', keys: [{ input: 'p', label: 'p' }], help: 'digest-pinned references (verified images only)', brief: 'pinned' },
  {
    command: Command.MultiArch,
    scope: 'export',
    keys: [{ input: 'm', label: 'm' }],
    help: 'image list of multi-arch references, each listing the architectures it folds',
    brief: 'multi-arch',
  },
  {
    command: Command.Write,
    scope: 'export',
    keys: [
      { key: 'return', label: 'enter' },
      { input: 'w', label: 'w' },
    ],
    help: 'write the file (atomically)',
    brief: 'write',
    essential: true,
  },
  {
    command: Command.Open,
    scope: 'licenses',
    keys: [{ key: 'return', label: 'enter' }],
    help: 'the elements naming this license, in the Explorer (license:ID)',
    brief: 'elements',
    essential: true,
  },
  {
    command: Command.Expand,
    scope: 'tree',
    keys: [{ key: 'rightArrow', label: '→' }],
    help: 'expand (on an expanded node: its first child)',
    brief: 'expand',
    essential: true,
  },
  {
    command: Command.Collapse,
    scope: 'tree',
    keys: [{ key: 'leftArrow', label: '←' }],
    help: 'collapse (on a collapsed node: its parent)',
    brief: 'collapse',
    essential: true,
  },
  {
    command: Command.Open,
    scope: 'tree',
    keys: [{ key: 'return', label: 'enter' }],
    help: 'toggle; a leaf: its Detail; a DocumentRef: open a file of it, SHA-1 checked',
    brief: 'open',
    essential: true,
  },
  { command: Command.Element, scope: 'tree', keys: [{ input: 'd', label: 'd' }], help: "the element's Detail", brief: 'detail', essential: true },
  {
    command: Command.Filter,
    scope: 'diff',
    keys: [{ input: 'o', label: 'o' }],
    help: 'compare with a second file or release version (a release is verified first)',
    brief: 'compare with',
    essential: true,
  },
];

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.key) return key[spec.key] === true && (spec.ctrl ?? false) === key.ctrl && (spec.shift === undefined || spec.shift === key.shift);
  return spec.input === input && (spec.ctrl ?? false) === key.ctrl && !key.meta;
}

/** The command a key press means in these scopes (first match wins, scopes in the order given). */
export function commandFor(scopes: readonly Scope[], input: string, key: Key): Command | undefined {
  for (const scope of scopes) {
    for (const binding of BINDINGS) {
      if (binding.scope === scope && binding.keys.some((k) => matches(k, input, key))) return binding.command;
    }
  }
  return undefined;
}

/** Unique key labels of a binding, e.g. "↑/k". */
export function keyLabel(binding: Binding): string {
  return [...new Set(binding.keys.map((k) => k.label))].join('/');
}

export interface Hint {
  keys: string;
  text: string;
  essential: boolean;
}

/** Status-bar hints for the scopes that work on a screen, most needed first: the screen's essential keys, the
 * global essential ones, then the rest; each with its first key only, so more of them fit. */
export function hintsFor(scopes: readonly Scope[]): Hint[] {
  const rank = (b: Binding) => (b.essential ? 0 : 2) + (b.scope === 'global' ? 1 : 0);
  return BINDINGS.filter((b) => b.brief && scopes.includes(b.scope))
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
    .map(({ b }) => ({ keys: b.keys[0]!.label, text: b.brief!, essential: b.essential === true }));
}
