/**
 * Role precision on real news: the (person, role) attachments that `extractEntityMentions`
 * and `buildEntities` make on the dated NDT news articles (each sentence a passage, each
 * article its own), against the hand judgements in `eval/audit/roles-ndt.json`. A role is
 * right when the person is the one the text gives it to and the role is what the text says.
 *
 * `npx tsx eval/roles.ts [corpusDir] [--draw]` (also: `npx tsx eval/ner.ts --audit`)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassageMentions } from '../src/extract/entities';
import { buildEntities, buildLexicon, extractEntityMentions } from '../src/extract/entities';
import { formatAudit } from './dates';
import {
  type AuditFigures,
  drawSample,
  type NdtSentence,
  type Position,
  readNdtCorpus,
  scoreAudit,
} from './ndt';

/** One role given to one person, placed where the text gives it. */
export interface RoleAttachment extends Position {
  /** The entity's name as the archive knows it (short forms merged into the full name). */
  name: string;
  role: string;
  roleText: string;
  /** `mention`: read at the name; `back`: a back reference ("presidenten") pointing at it. */
  via: 'mention' | 'back';
  sentenceText: string;
}

export async function roleAttachments(corpusDir: string): Promise<RoleAttachment[]> {
  const corpus = await readNdtCorpus(corpusDir);
  const lexicon = buildLexicon(corpus.allSentences.map((s) => s.text));
  const passages: PassageMentions[] = [];
  const sentenceOf = new Map<string, NdtSentence>();
  for (const article of corpus.articles) {
    for (const sentence of article.body) {
      const passageId = `${sentence.file}#${sentence.index}`;
      sentenceOf.set(passageId, sentence);
      passages.push({
        passageId,
        articleId: article.id,
        text: sentence.text,
        language: 'nb',
        mentions: extractEntityMentions(sentence.text, 'nb', lexicon),
      });
    }
  }
  const byId = new Map(passages.map((p) => [p.passageId, p]));
  const out: RoleAttachment[] = [];
  for (const entity of buildEntities(passages, [])) {
    if (entity.kind !== 'person') continue;
    for (const role of entity.roles) {
      const passage = byId.get(role.passageId);
      const sentence = sentenceOf.get(role.passageId);
      if (!passage || !sentence) continue;
      const at = entity.mentions.find(
        (m) =>
          m.passageId === role.passageId &&
          passage.mentions.some(
            (pm) => pm.start === m.start && pm.role === role.role && pm.roleText === role.roleText,
          ),
      );
      const start = at ? at.start : passage.text.indexOf(role.roleText);
      const end = at ? at.end : start + role.roleText.length;
      if (start < 0) continue;
      out.push({
        file: sentence.file,
        sentence: sentence.index,
        start,
        end,
        name: entity.name,
        role: role.role,
        roleText: role.roleText,
        via: at ? 'mention' : 'back',
        sentenceText: sentence.text,
      });
    }
  }
  return out;
}

export type RoleVerdict = 'correct' | 'wrong-person' | 'wrong-role' | 'not-a-person';

export interface RoleJudgement extends Position {
  name: string;
  role: string;
  verdict: RoleVerdict;
  note?: string;
}

interface RoleAuditFile {
  about: string;
  seed: string;
  threshold: number;
  judgements: RoleJudgement[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROLES_AUDIT_FILE = path.join(here, 'audit', 'roles-ndt.json');
export const ROLES_SEED = 'kilde-roles-ndt-1';
const SAMPLE_SIZE = 100;

export type RolesAudit = AuditFigures & {
  unjudgedItems: RoleAttachment[];
  droppedItems: RoleJudgement[];
};

export async function auditRoles(corpusDir: string, auditFile = ROLES_AUDIT_FILE) {
  const audit = JSON.parse(readFileSync(auditFile, 'utf8')) as RoleAuditFile;
  const current = await roleAttachments(corpusDir);
  // Several roles can sit at one position: key them by role too.
  const keyed = <T extends Position & { role: string }>(item: T): T => ({
    ...item,
    end: item.end,
    file: `${item.file}|${item.role}`,
  });
  const figures = scoreAudit(
    audit.judgements.map(keyed),
    current.map(keyed),
    audit.seed,
    audit.threshold,
    (judged, now) => judged.name === now.name && judged.role === now.role,
  );
  const unkey = <T extends Position>(item: T): T => ({
    ...item,
    file: item.file.split('|')[0] ?? '',
  });
  return {
    ...figures,
    unjudgedItems: figures.unjudgedItems.map(unkey),
    droppedItems: figures.droppedItems.map(unkey),
  } as RolesAudit;
}

export async function printRolesAudit(corpusDir: string): Promise<void> {
  const figures = await auditRoles(corpusDir);
  console.log(formatAudit('Roles, NDT news (hand-judged sample)', figures));
  for (const item of figures.droppedItems)
    console.log(
      `  dropped  ${item.verdict}  ${item.file}#${item.sentence}  ${item.name} = ${item.role}`,
    );
  for (const item of figures.unjudgedItems)
    console.log(
      `  unjudged ${JSON.stringify({ file: item.file, sentence: item.sentence, start: item.start, end: item.end, name: item.name, role: item.role })}\n    (${item.via}: ${item.roleText})  ${item.sentenceText}`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const corpusDir =
    argv.find((a) => !a.startsWith('--')) ?? path.resolve(here, '../../shared/corpus');
  if (!existsSync(path.join(corpusDir, 'ndt-nob'))) {
    console.log(`Skipping role audit: ${corpusDir}/ndt-nob is absent.`);
  } else if (argv.includes('--draw')) {
    const all = await roleAttachments(corpusDir);
    // The position alone would put every role at one name into or out of the sample together.
    const keyed = all.map((a) => ({ ...a, file: `${a.file}|${a.role}` }));
    const { sample, threshold } = drawSample(keyed, ROLES_SEED, SAMPLE_SIZE);
    console.log(`seed ${ROLES_SEED} threshold ${threshold} of ${all.length}`);
    for (const a of sample) {
      const file = a.file.split('|')[0];
      console.log(
        `${JSON.stringify({ file, sentence: a.sentence, start: a.start, end: a.end, name: a.name, role: a.role })}\t(${a.via}: ${a.roleText})  ${a.sentenceText}`,
      );
    }
  } else {
    await printRolesAudit(corpusDir);
  }
}
