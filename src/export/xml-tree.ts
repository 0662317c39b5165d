// XML read into a small tree of elements, for the import worker (a worker has no DOMParser). It
// refuses what Chromium's DOMParser refuses and reads what it reads (well-formed XML 1.0 or 1.1 with
// namespaces, nesting to 5,000, names to 262,145 UTF-8 bytes, 65,536 attributes a tag), so a file is
// refused or read in a worker as on the page, even where Chromium strays from the spec (its
// leniencies are marked "as Chromium"):
// test/export/xml-tree.test.ts holds it to DOMParser over corners and the import fuzz's damaged files.
// Hand-written rather than a streaming library: on the bench's 7.7 MB watch export (npm run bench --
// import-big) it built the tree in 665-698 ms against saxes's 1,227-1,694 ms (DOMParser 2,814-3,116;
// medians of 5, alternating in one page, on a loaded 2-core machine); saxes is CommonJS, which the
// test runner does not serve; and it adds no dependency.
// A document type declaration is refused before this is called (tcx-decode.ts), so no entity but
// the five predefined ones and character references can occur.

/** What the TCX reader uses of an element: a DOM Element has the same, so both parsers serve it. */
export interface XmlElement {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly children: ArrayLike<XmlElement> & Iterable<XmlElement>;
  readonly textContent: string | null;
  getAttribute(qualifiedName: string): string | null;
}

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** The browser's parser refuses deeper nesting ("Excessive node nesting"), and so does this. */
export const MAX_XML_DEPTH = 5_000;
/** Nor does it take more attributes on one element, or a longer name (in UTF-8 bytes). */
const MAX_XML_ATTRIBUTES = 65_536;
const MAX_XML_NAME_BYTES = 262_145;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
// No prototype, so a prefix such as "constructor" finds nothing; not frozen, as a frozen prototype's
// keys cannot be set again on the scopes made from it. Never written: bindNamespaces copies first.
const ROOT_SCOPE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NAMESPACE, '': '' });

// Shared by the many elements with none (never written: addChild and the tag reader replace them first).
const NO_CHILDREN: TreeElement[] = [];
const NO_ATTRIBUTES: [string, string][] = [];

class TreeElement implements XmlElement {
  children: TreeElement[] = NO_CHILDREN;
  /**
   * Text and child elements in document order, for textContent: text as it reads, or as two
   * numbers (from, to) in the source where it reads as written (most text: no allocation per value).
   */
  parts: (string | number | TreeElement)[] | null = null;
  namespaceURI: string | null = null;
  /** Prefixes bound here and above, '' the default namespace. */
  scope: Record<string, string> = ROOT_SCOPE;

  constructor(
    readonly source: string,
    readonly qualifiedName: string,
    readonly localName: string,
    readonly prefix: string | null,
    readonly attributes: [string, string][],
  ) {}

  /** Without recursion: elements may nest 5,000 deep. */
  get textContent(): string {
    let text = '';
    const open: { element: TreeElement; next: number }[] = [{ element: this, next: 0 }];
    while (open.length > 0) {
      const top = open[open.length - 1]!;
      const parts = top.element.parts;
      if (!parts || top.next >= parts.length) {
        open.pop();
        continue;
      }
      const part = parts[top.next++]!;
      if (typeof part === 'number') text += this.source.slice(part, parts[top.next++] as number);
      else if (typeof part === 'string') text += part;
      else open.push({ element: part, next: 0 });
    }
    return text;
  }

  getAttribute(qualifiedName: string): string | null {
    for (const [name, value] of this.attributes) if (name === qualifiedName) return value;
    return null;
  }

  addChild(child: TreeElement): void {
    if (this.children === NO_CHILDREN) this.children = [];
    this.children.push(child);
    (this.parts ??= []).push(child);
  }
}

// XML 1.0 fifth edition's names, less the colon: namespaces allow it only between prefix and local name.
const START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NCNAME = `[${START}][${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`;
const QNAME = `(${NCNAME})(?::(${NCNAME}))?`;
const NAME_AT = new RegExp(QNAME, 'uy');
const TAG_END_AT = /[\t\n\r ]*(\/?)>/y;
const END_TAG_REST_AT = /[\t\n\r ]*>/y;
const PI_AT = new RegExp(`<\\?(${NCNAME}(?::${NCNAME})*)(?:[\\t\\n\\r ][\\s\\S]*?)??\\?>`, 'uy');
// The encoding is not read (the text is decoded already), and as Chromium any name is taken, even
// "" or "UTF-8 ": only "<", "&" and "?>" in it make the declaration no declaration (checked apart:
// an alternation repeated per character overflows the regular expression's stack on a long name).
const DECLARATION =
  /^<\?xml[\t\n\r ]+version[\t\n\r ]*=[\t\n\r ]*(?:"(1\.[0-9]+)"|'(1\.[0-9]+)')(?:[\t\n\r ]+encoding[\t\n\r ]*=[\t\n\r ]*(?:"([^"]*)"|'([^']*)'))?(?:[\t\n\r ]+standalone[\t\n\r ]*=[\t\n\r ]*(?:"(?:yes|no)"|'(?:yes|no)'))?[\t\n\r ]*\?>/;
const WHITESPACE_AT = /[\t\n\r ]*/y;
/** Characters XML 1.0 does not allow anywhere, not even as a reference. */
const NOT_A_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The same for XML 1.1, which allows the controls but U+0000 as references. */
const NOT_A_CHARACTER_11 = /[^\u0001-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/**
 * Controls XML 1.1 allows only as references. As Chromium, written as they are they are refused in
 * text, attribute values and the declaration, and taken in comments, CDATA sections and processing instructions.
 */
const RESTRICTED_11 = /[\u007F-\u0084\u0086-\u009F]/;
/** The same in text, by UTF-16 code unit (faster): surrogates are seen to apart. */
const NOT_A_CHARACTER_UNIT = /[^\t\n\r\u0020-\uFFFD]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** ASCII name characters: most names are all ASCII, read without a regular expression. */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_NAME[c] = /[A-Za-z_]/.test(String.fromCharCode(c)) ? 2 : /[-.0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** The qualified name at `at` and its parts, or null where there is none. */
function nameAt(text: string, at: number): [string, string, string | undefined] | null {
  const name = anyNameAt(text, at);
  if (name) checkNameLength(name[0], at);
  return name;
}

function checkNameLength(name: string, at: number): void {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so most names need no count.
  if (name.length * 3 > MAX_XML_NAME_BYTES && (name.length > MAX_XML_NAME_BYTES || new TextEncoder().encode(name).length > MAX_XML_NAME_BYTES)) {
    fail('A name longer than the parser allows', at);
  }
}

function anyNameAt(text: string, at: number): [string, string, string | undefined] | null {
  let end = at;
  let colon = -1;
  for (;;) {
    const c = text.charCodeAt(end);
    if (c < 128 && ASCII_NAME[c]! > (end === at || end === colon + 1 ? 1 : 0)) end++;
    else if (c === 0x3a && colon < 0 && end > at) colon = end++;
    else if (c >= 128) {
      const name = matchAt(NAME_AT, text, at);
      return name && [name[0], name[1]!, name[2]];
    } else break;
  }
  if (end === at || end === colon + 1) return null;
  const name = text.slice(at, end);
  return colon < 0 ? [name, name, undefined] : [name, text.slice(at, colon), text.slice(colon + 1, end)];
}

const fail = (what: string, at: number): never => {
  throw new XmlSyntaxError(`${what} at character ${at}`);
};

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** `raw` with its references replaced; `at` is where it starts in the document, for the message. */
function withReferences(raw: string, at: number, xml11: boolean): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    const ref = matchAt(REFERENCE, raw, amp) ?? fail('A reference that is not one of XML’s own', at + amp);
    const [, name, decimal, hex] = ref;
    let char: string;
    if (name) char = PREDEFINED[name]!;
    else {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
      char = code <= 0x10ffff ? String.fromCodePoint(code) : '\0';
      if ((xml11 ? NOT_A_CHARACTER_11 : NOT_A_CHARACTER).test(char)) fail('A reference to a character XML does not allow', at + amp);
    }
    out += raw.slice(from, amp) + char;
    from = amp + ref[0].length;
  }
  return out + raw.slice(from);
}

/** Element text: line ends as XML reads them, then references. */
function textOf(raw: string, at: number, xml11: boolean): string {
  if (raw.includes(']]>')) fail('“]]>” in text', at + raw.indexOf(']]>'));
  if (xml11) refuseRestricted(raw, at);
  const lines = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return lines.includes('&') ? withReferences(lines, at, xml11) : lines;
}

/**
 * An attribute's value as the DOM gives it, from `from` to `to` in the text: each literal tab or line
 * end a space, then references, but not inside the comments and CDATA sections at `literal` (pairs).
 */
function attributeValue(text: string, from: number, to: number, literal: readonly number[], xml11: boolean): string {
  let value = '';
  for (let k = 0, at = from; at < to; k += 2) {
    const [start, end] = k < literal.length ? [literal[k]!, literal[k + 1]!] : [to, to];
    if (start > at) {
      const raw = text.slice(at, start);
      if (xml11) refuseRestricted(raw, at);
      const spaced = spacedOut(raw);
      value += spaced.includes('&') ? withReferences(spaced, at, xml11) : spaced;
    }
    value += spacedOut(text.slice(start, end));
    at = end;
  }
  return value;
}

const spacedOut = (raw: string): string => (/[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\t\n]/g, ' ') : raw);

function refuseRestricted(raw: string, at: number): void {
  const bad = RESTRICTED_11.exec(raw);
  if (bad) fail(`A control character XML 1.1 allows only as a reference (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()})`, at + bad.index);
}

/** Where the comment that starts at `at` ends (past its "-->"). */
function commentEnd(text: string, at: number): number {
  const end = text.indexOf('-->', at + 4);
  if (end < 0) fail('A comment that does not end', at);
  const dashes = text.indexOf('--', at + 4);
  if (dashes < end) fail('“--” inside a comment', dashes);
  return end + 3;
}

/** Comments, processing instructions and white space (between elements, or before and after the root). */
function skipMisc(text: string, at: number, outside: boolean): number {
  for (;;) {
    if (outside) at += matchAt(WHITESPACE_AT, text, at)![0].length;
    if (text.startsWith('<!--', at)) at = commentEnd(text, at); else if (text.startsWith('<?', at)) {
      const pi = matchAt(PI_AT, text, at) ?? fail('A processing instruction that is not one', at);
      if (pi[1]!.toLowerCase() === 'xml') fail('An XML declaration not at the start', at);
      checkNameLength(pi[1]!, at);
      at += pi[0].length;
    } else return at;
    if (!outside) return at;
  }
}

/**
 * Binds the element's and its attributes' prefixes to namespaces, as the DOM does; null where an
 * attribute is in the xmlns namespace, which the DOM takes from no parser (the tag is checked first).
 */
function bindNamespaces(element: TreeElement, parentScope: Record<string, string>, at: number): Record<string, string> | null {
  if (element.attributes.length === 0) {
    // Nearly every element of a TCX file: nothing bound here.
    const uri = parentScope[element.prefix ?? ''] ?? fail(`The prefix ${element.prefix} is not bound`, at);
    element.namespaceURI = uri || null;
    return parentScope;
  }
  let scope = parentScope;
  for (const [name, value] of element.attributes) {
    const prefix = declaredPrefix(name);
    if (prefix === null) continue;
    checkDeclaration(prefix, value, at);
    if (scope === parentScope) scope = Object.create(parentScope) as Record<string, string>;
    scope[prefix] = value;
  }
  const ns = (prefix: string): string => scope[prefix] ?? fail(`The prefix ${prefix} is not bound`, at);
  element.namespaceURI = element.prefix === null ? scope[''] || null : ns(element.prefix);
  const expanded = new Set<string>();
  let stops = false;
  for (const [name] of element.attributes) {
    const colon = name.indexOf(':');
    if (colon < 0 || name.startsWith('xmlns:')) continue;
    const uri = ns(name.slice(0, colon));
    if (uri === XMLNS_NAMESPACE) stops = true;
    const key = `${uri}\u0000${name.slice(colon + 1)}`;
    if (expanded.has(key)) fail(`The attribute ${name} given twice`, at);
    expanded.add(key);
  }
  return stops ? null : scope;
}

/** The prefix an attribute named `name` declares ('' the default namespace), or null for any other attribute. */
function declaredPrefix(name: string): string | null {
  return name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : null;
}

/**
 * Refuses a namespace declaration Chromium refuses: of the xmlns prefix, of the xml prefix to another
 * namespace, a prefix undeclared, the default namespace made the xml or xmlns one. It takes (not as
 * the spec) another prefix bound to either of those.
 */
function checkDeclaration(prefix: string, value: string, at: number): void {
  if (prefix === 'xmlns') fail('The xmlns prefix declared', at);
  if (prefix !== '' && value === '') fail(`The prefix ${prefix} undeclared`, at);
  if (prefix === 'xml' && value !== XML_NAMESPACE) fail('The xml prefix rebound', at);
  if (prefix === '' && (value === XML_NAMESPACE || value === XMLNS_NAMESPACE)) fail('The default namespace made the xml or xmlns one', at);
  // As Chromium ("Namespace 'xml' cannot be default"), though these are no namespace names.
  if (prefix === '' && (value === 'xml' || value === 'xmlns')) fail(`The default namespace named ${value}`, at);
}


/** How far apart, in characters, parseXml tells its progress. */
const PROGRESS_STEP = 1 << 18;

/**
 * The document's root element; throws XmlSyntaxError where the browser's parser would refuse it.
 * `onProgress` hears the share of the text read so far (0 to 1) every 256 K characters or so.
 */
export function parseXml(xml: string, onProgress?: (fraction: number) => void): XmlElement {
  // A string (not text decoded from a file, which has none) may hold halves of a character: the DOM reads each as U+FFFD.
  const text = /[\uD800-\uDFFF]/.test(xml) ? xml.replace(LONE_SURROGATE, '\uFFFD') : xml;
  const bad = NOT_A_CHARACTER_UNIT.exec(text);
  if (bad) fail(`A character XML does not allow (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()})`, bad.index);
  let at = 0;
  let xml11 = false;
  if (/^<\?xml[\t\n\r ?]/.test(text)) {
    const declaration = DECLARATION.exec(text) ?? fail('An XML declaration that is not one', 0);
    const encoding = declaration[3] ?? declaration[4];
    if (encoding !== undefined && /[<&]|\?>/.test(encoding)) fail('An XML declaration that is not one', 0);
    at = declaration[0].length;
    // As Chromium: 1.2 and on are read as 1.0.
    xml11 = (declaration[1] ?? declaration[2]) === '1.1';
    if (xml11) refuseRestricted(declaration[0], 0);
  }
  at = skipMisc(text, at, true);
  const stack: TreeElement[] = [];
  let root: TreeElement | null = null;
  // Where the next character that makes text need more than a slice is, kept rather than searched
  // for again at every text (which would read the rest of the file each time).
  let nextAmp = text.indexOf('&');
  let nextCr = text.indexOf('\r');
  let nextCdataEnd = text.indexOf(']]>');
  const needsReading = (from: number, to: number): boolean => {
    if (nextAmp >= 0 && nextAmp < from) nextAmp = text.indexOf('&', from);
    if (nextCr >= 0 && nextCr < from) nextCr = text.indexOf('\r', from);
    if (nextCdataEnd >= 0 && nextCdataEnd < from) nextCdataEnd = text.indexOf(']]>', from);
    return (nextAmp >= 0 && nextAmp < to) || (nextCr >= 0 && nextCr < to) || (nextCdataEnd >= 0 && nextCdataEnd < to);
  };
  let nextLt = text.indexOf('<');
  /**
   * Where the attribute value quoted at `quoteAt` ends (its closing quote), and the comments and
   * CDATA sections in it, as [from, to) pairs. XML allows no "<" in a value, but Chromium takes "</",
   * a comment and a CDATA section there (the last two kept as written, quote and all), so this does
   * too. indexOf, not a regular expression: one repeated per character overflowed its stack on a
   * value of 8.4 million characters.
   */
  const valueFrom = (quoteAt: number): [number, number[]] => {
    const quote = text[quoteAt];
    if (quote !== '"' && quote !== "'") fail('An attribute value without quotes', quoteAt);
    const literal: number[] = [];
    for (let from = quoteAt + 1; ; ) {
      const close = text.indexOf(quote!, from);
      if (close < 0) fail('An attribute value that does not end', quoteAt);
      if (nextLt >= 0 && nextLt < from) nextLt = text.indexOf('<', from);
      if (nextLt < 0 || nextLt > close) return [close, literal];
      if (text.startsWith('</', nextLt)) from = nextLt + 2;
      else if (text.startsWith('<!--', nextLt)) from = commentEnd(text, nextLt);
      else if (text.startsWith('<![CDATA[', nextLt)) {
        const end = text.indexOf(']]>', nextLt + 9);
        if (end < 0) fail('A CDATA section that does not end', nextLt);
        from = end + 3;
      } else return fail('“<” in an attribute value', nextLt);
      if (from > nextLt + 2) literal.push(nextLt, from);
    }
  };
  let progressAt = PROGRESS_STEP;
  for (;;) {
    if (onProgress && at >= progressAt) {
      onProgress(at / text.length);
      progressAt = at + PROGRESS_STEP;
    }
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (root) break;
      if (text[at] !== '<') fail(at < text.length ? 'Text outside the root element' : 'No root element', at);
    }
    const lt = text.indexOf('<', at);
    if (parent) {
      if (lt < 0) fail(`The element ${parent.qualifiedName} does not end`, text.length);
      if (lt > at) {
        const parts = (parent.parts ??= []);
        if (xml11 || needsReading(at, lt)) parts.push(textOf(text.slice(at, lt), at, xml11));
        else parts.push(at, lt);
      }
    }
    at = lt;
    const next = text[at + 1];
    if (next === '/' && parent && text.startsWith(parent.qualifiedName, at + 2) && text.charCodeAt(at + 2 + parent.qualifiedName.length) === 0x3e) {
      at += 3 + parent.qualifiedName.length;
      stack.pop();
    } else if (next === '/') {
      const name = nameAt(text, at + 2) ?? fail('An end tag without a name', at);
      if (!parent || name[0] !== parent.qualifiedName) fail(`An end tag </${name[0]}> that closes nothing open`, at);
      const rest = matchAt(END_TAG_REST_AT, text, at + 2 + name[0].length) ?? fail('An end tag that does not end', at);
      at = rest.index + rest[0].length;
      stack.pop();
    } else if (next === '!' || next === '?') {
      if (parent && text.startsWith('<![CDATA[', at)) {
        const end = text.indexOf(']]>', at + 9);
        if (end < 0) fail('A CDATA section that does not end', at);
        (parent.parts ??= []).push(text.slice(at + 9, end).replace(/\r\n?/g, '\n'));
        at = end + 3;
      } else {
        const after = skipMisc(text, at, false);
        if (after === at) fail('Markup that is not XML', at);
        at = after;
      }
    } else {
      const name = nameAt(text, at + 1) ?? fail('A tag without a name', at);
      let end = at + 1 + name[0].length;
      let selfClosing: boolean;
      let attributes = NO_ATTRIBUTES;
      // Most tags are <Name> alone: read without a regular expression.
      if (text.charCodeAt(end) === 0x3e) {
        selfClosing = false;
        end++;
      } else {
        // A set, not a search of those before: an element may carry thousands.
        const names = new Set<string>();
        let given = 0;
        for (;;) {
          const spaced = matchAt(WHITESPACE_AT, text, end)![0].length;
          const attributeName = spaced > 0 ? nameAt(text, end + spaced) : null;
          if (!attributeName) break;
          const qualified = attributeName[0];
          let quoteAt = end + spaced + qualified.length;
          quoteAt += matchAt(WHITESPACE_AT, text, quoteAt)![0].length;
          if (text[quoteAt] !== '=') fail(`The attribute ${qualified} without a value`, quoteAt);
          quoteAt += 1 + matchAt(WHITESPACE_AT, text, quoteAt + 1)![0].length;
          const [valueEnd, literal] = valueFrom(quoteAt);
          const value = attributeValue(text, quoteAt + 1, valueEnd, literal, xml11);
          const declared = declaredPrefix(qualified);
          // As Chromium: more is "larger than allowed by the parser"; namespace declarations are not counted.
          if (declared === null && ++given > MAX_XML_ATTRIBUTES) fail('Too many attributes on one element', at);
          if (!names.has(qualified)) {
            names.add(qualified);
            if (attributes === NO_ATTRIBUTES) attributes = [];
            attributes.push([qualified, value]);
          } else {
            // As Chromium: a prefix declared again on one element keeps its first namespace (the later one is only checked).
            checkDeclaration(declared ?? fail(`The attribute ${qualified} given twice`, end), value, at);
          }
          end = valueEnd + 1;
        }
        const close = matchAt(TAG_END_AT, text, end) ?? fail(`The tag <${name[0]}> does not end`, at);
        selfClosing = close[1] === '/';
        end = close.index + close[0].length;
      }
      const [prefix, local] = name[2] === undefined ? [null, name[1]!] : [name[1]!, name[2]];
      // The spec allows it; Chromium refuses an element in the xml: prefix, so this does too.
      if (prefix === 'xml') fail(`The element ${name[0]} in the xml prefix`, at);
      if (stack.length >= MAX_XML_DEPTH) fail('Elements nested too deeply', at);
      const element = new TreeElement(text, name[0], local, prefix, attributes);
      const scope = bindNamespaces(element, parent?.scope ?? ROOT_SCOPE, at);
      if (!scope) {
        // As Chromium: with no error reported, its DOM ends before this element (the rest is not
        // even read), so on the root there is no document, refused; elsewhere what came before is read.
        if (!parent) fail(`The root element ${name[0]} with an attribute in the xmlns namespace`, at);
        return root!;
      }
      element.scope = scope;
      if (parent) parent.addChild(element);
      else root = element;
      if (!selfClosing) stack.push(element);
      at = end;
    }
  }
  at = skipMisc(text, at, true);
  if (at < text.length) fail('Text after the root element', at);
  return root!;
}
