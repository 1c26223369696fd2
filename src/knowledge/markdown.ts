/**
 * Markdown markup -> plain text, one line at a time. Passages are quoted and searched as
 * plain text, so emphasis markers and link targets must not leak into them; link TEXT is
 * kept because it is part of the sentence.
 */

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/** `## Kampen mot IS` -> { level: 2, text: 'Kampen mot IS' }. */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  const match = ATX_HEADING.exec(line);
  if (!match) return undefined;
  return { level: match[1]?.length ?? 1, text: stripInlineMarkdown(match[2] ?? '') };
}

/** Lines that carry no text in Markdown: fences, rules, reference definitions, comments. */
export function isMarkdownNoise(line: string): boolean {
  const trimmed = line.trim();
  return (
    /^(`{3,}|~{3,})/.test(trimmed) ||
    /^\[[^\]]+\]:\s*\S+/.test(trimmed) ||
    /^<!--.*-->$/.test(trimmed)
  );
}

export function stripMarkdownLine(line: string): string {
  const withoutBlock = line.replace(/^\s*(>\s?)+/, '').replace(/^\s*[*+]\s+/, '');
  return stripInlineMarkdown(withoutBlock);
}

// Characters any inline rule below needs: a line without them is returned as it is.
const INLINE_MARKUP = /[[\]<`*_~\\!]/;

export function stripInlineMarkdown(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text;
  return (
    text
      // Images say nothing the article text says; drop them with their alt text.
      .replace(/ ?!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
      .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
      // Underscore emphasis only at word edges, so snake_case and URLs survive.
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
  );
}
