// Text that came from a runner or from another app goes into XML as text, never as markup.

/** Characters XML 1.0 does not allow at all (most control characters, lone surrogates). */
const NOT_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped for element text and attribute values alike; characters XML cannot hold are dropped. */
export const escapeXml = (text: string): string =>
  text.replace(NOT_IN_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
