import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/archive/build';
import {
  passageReferences,
  referenceCandidates,
  referencesAmong,
} from '../../src/extract/entities';
import { parseArticleFile } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { generatedArticles } from '../helpers/generated';

// Roles that point back at someone named before, and roles a name follows at once.
const TEXTS = [
  'Statsminister Kari Solvik talte i Stortinget. Statsministeren ble møtt med applaus.',
  'Presidenten Emmanuel Macron kom sent. Presidenten takket for maten.',
  'Syrias president Bashar al-Assad møtte pressen. Den syriske presidenten svarte ikke.',
  'Ordfører Per Hansen åpnet brua. Ordføreren var fornøyd, sa rådmannen Ola Dahl.',
];

describe('back references found before the names are known', () => {
  it('are ruled out by a name that starts right after the role, and only then', () => {
    const text = 'Presidenten Emmanuel Macron kom sent. Presidenten takket for maten.';
    const passage = { text, language: 'nb' as const };
    const candidates = referenceCandidates(passage);
    const named = text.indexOf('Emmanuel');
    // Both roles are candidates; the first is blocked where the name would start.
    expect(candidates.map((c) => c.reference.roleText)).toEqual(['Presidenten', 'Presidenten']);
    expect(candidates[0]?.blockedBy).toBe(named);
    const withName = referencesAmong(candidates, [{ start: named }]);
    expect(withName.map((r) => r.start)).toEqual([text.lastIndexOf('Presidenten')]);
    expect(referencesAmong(candidates, [])).toHaveLength(2);
    expect(withName).toEqual(
      passageReferences({ ...passage, mentions: [{ start: named }] as never }),
    );
  });

  it('give a full build the references reading each passage with its names gives', async () => {
    const files: Record<string, string> = { ...generatedArticles(20) };
    TEXTS.forEach((text, i) => {
      files[`rolle-${i}.md`] = `---\ntitle: Rolle ${i}\ndate: 2020-02-0${i + 1}\n---\n\n${text}\n`;
    });
    const articles = Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, body]) => parseArticleFile(name, Buffer.from(body)).article)
      .filter((a): a is Article => a !== undefined);
    const passages = articles.flatMap((a) => a.passages);
    // As the index worker sends them: by the passage's place, only where there are any.
    const byPlace = passages.map((p) => {
      const found = referenceCandidates(p);
      return found.length > 0 ? found : undefined;
    });
    const load = { articles, aliases: [] };
    const plain = await extractNames(load);
    const given = await extractNames(load, undefined, undefined, Promise.resolve(byPlace));
    expect(plain.references.length).toBeGreaterThan(0);
    expect(given.references).toEqual(plain.references);
    expect(given.entities).toEqual(plain.entities);
  });
});
