import type { QuotedPassage, Snippet, SourceRef } from '../../answers/types';
import type { Messages } from '../../i18n';
import { formatSpan } from '../../i18n/format';

/**
 * Text from articles and users shown as Markdown: every Markdown character escaped (a
 * heading, list marker or masked link in an article must not render), and mention syntax
 * broken with a zero-width space so it never even looks like a ping. One pass over the
 * text with patterns that cannot backtrack: linear in its length (discord.js's
 * `escapeMarkdown` is quadratic on runs of `\`, `*` or backticks).
 */
export function escapeText(text: string): string {
  return neutraliseMentions(escapeLineStart(text.replace(MARKDOWN_CHARS, '\\$&')));
}

// Characters that format anywhere in a line: emphasis, strike, spoiler, code, links, escapes.
const MARKDOWN_CHARS = /[\\*_~`|[\]]/g;

/**
 * Headings, subtext, list markers and quotes only mean something at the start of a line;
 * escaping them elsewhere would show stray backslashes ("31\.12."). The leading space is
 * `[ \t]*`, never `\s*`, so no match can run across lines.
 */
function escapeLineStart(text: string): string {
  return text
    .replace(
      /^([ \t]*)(#{1,3}[ \t]|-#[ \t]|[-+][ \t]|>)/gmu,
      (_, space: string, marker: string) => `${space}\\${marker}`,
    )
    .replace(
      /^([ \t]*\d+)\.([ \t])/gmu,
      (_, number: string, space: string) => `${number}\\.${space}`,
    );
}

/** `@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>` made inert (allowed_mentions stops pings too). */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/giu, '@\u200b$1').replace(/<([@#])/g, '<$1\u200b');
}

/** Collapsed to one line: for titles, field names and button labels. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A snippet as Markdown: matched words in bold, the rest escaped, ellipses where cut. */
export function snippetMarkdown(snippet: Snippet): string {
  const parts = snippet.segments.map((segment) => {
    if (!segment.marked) return escapeText(segment.text);
    // Bold must hug the word: "** word**" does not render, so spaces stay outside.
    const match = /^(\s*)(.*?)(\s*)$/su.exec(segment.text);
    const inner = match?.[2] ?? segment.text;
    if (inner === '') return segment.text;
    return `${match?.[1] ?? ''}**${escapeText(inner)}**${match?.[3] ?? ''}`;
  });
  const body = oneLine(parts.join(''));
  return `${snippet.cutStart ? '…' : ''}${body}${snippet.cutEnd ? '…' : ''}`;
}

/** A URL safe inside `[text](url)`: http(s) only, closing brackets encoded. */
function linkTarget(url: string): string | undefined {
  if (!/^https?:\/\/\S+$/iu.test(url)) return undefined;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The date, after the publisher when the front matter names one: "NTB · 21. november 2017". */
function publishedText(source: SourceRef, t: Messages): string {
  const date = formatSpan(source.published, t);
  return source.source ? `${escapeText(oneLine(t.publishedBy(source.source)))} · ${date}` : date;
}

/** "[Title](url) · publisert av NTB · 21. november 2017", or the knowledge file when there is no url. */
export function sourceLine(source: SourceRef, t: Messages): string {
  const title = escapeText(oneLine(source.title));
  const published = publishedText(source, t);
  const target = source.url ? linkTarget(source.url) : undefined;
  if (target) return `[${title}](${target}) · ${published}`;
  return `${title} · ${published} · ${escapeText(t.noUrl(source.file))}`;
}

/** A short citation for lists: "[Title](url) (publisert av NTB · 21. november 2017)", or the title and date alone. */
export function sourceShort(source: SourceRef, t: Messages): string {
  const title = escapeText(oneLine(source.title));
  const published = publishedText(source, t);
  const target = source.url ? linkTarget(source.url) : undefined;
  return target ? `[${title}](${target}) (${published})` : `${title} (${published})`;
}

/** A quoted passage for a field value: the snippet, then its source. */
export function passageMarkdown(passage: QuotedPassage, t: Messages): string {
  const datings = passage.datings?.length
    ? `\n*${t.dated}: ${passage.datings
        .map((d) => t.whatHappened.datedBy(escapeText(oneLine(d.text)), formatSpan(d.span, t)))
        .join('; ')}*`
    : '';
  return `${snippetMarkdown(passage.snippet)}${datings}\n— ${sourceLine(passage.source, t)}`;
}
