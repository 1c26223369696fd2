/**
 * Role precision on real news: the (person, role) attachments that `extractEntityMentions`
 * and `buildEntities` make on the dated NDT news articles (each sentence a passage, each
 * article its own), against the hand judgements in `eval/audit/roles-ndt.json` (tuning),
 * `roles-ndt-heldout.json` and `roles-ndt-fresh.json` (earlier held-out ones, since used for
 * fixes too) and `roles-ndt-final.json` (held out, the one to quote). A role is right when the person is the
 * one the text gives it to and the role is what the text says.
 *
 * `npx tsx eval/roles.ts [corpusDir] [--draw [--sample=heldout|fresh|final]]` (also: `npx tsx eval/ner.ts --audit`)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassageMentions } from '../src/extract/entities';
import { buildEntities, buildLexicon, extractEntityMentions } from '../src/extract/entities';
import { formatAudit } from './dates';
import {
  type AuditFigures,
  type AuditFile,
  type AuditSampleSpec,
  auditSamples,
  chooseSample,
  drawSample,
  exclusionRules,
  type NdtSentence,
  type Position,
  readAuditFile,
  readNdtCorpus,
  type SampleDefinition,
  scoreAudit,
  scorePresentSamples,
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

export type RoleAuditFile = AuditFile<RoleJudgement>;

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROLES_AUDIT_FILE = path.join(here, 'audit', 'roles-ndt.json');
export const ROLES_HELDOUT_FILE = path.join(here, 'audit', 'roles-ndt-heldout.json');
export const ROLES_FRESH_FILE = path.join(here, 'audit', 'roles-ndt-fresh.json');
export const ROLES_FINAL_FILE = path.join(here, 'audit', 'roles-ndt-final.json');
export const ROLES_SEED = 'kilde-roles-ndt-1';

/** Like the date samples: quote `final`; `tuning`, `heldout` and `fresh` were used to find and fix errors. */
export const ROLES_SAMPLES: readonly AuditSampleSpec[] = auditSamples(
  path.join(here, 'audit'),
  'roles',
  [100, 80, 80, 80],
);

export type RolesAudit = AuditFigures & {
  unjudgedItems: RoleAttachment[];
  droppedItems: RoleJudgement[];
};

/**
 * Several roles can sit at one position, and the position alone would put every role at
 * one name into or out of a sample together: sample and match by position and role.
 */
const keyed = <T extends Position & { role: string }>(item: T): T => ({
  ...item,
  file: `${item.file}|${item.role}`,
});
const unkey = <T extends Position>(item: T): T => ({
  ...item,
  file: item.file.split('|')[0] ?? '',
});

/** Score one audit file against the attachments made now. */
export function scoreRoleAudit(
  audit: RoleAuditFile,
  current: readonly RoleAttachment[],
  sample: SampleDefinition = audit,
): RolesAudit {
  const figures = scoreAudit(
    audit.judgements.map(keyed),
    current.map(keyed),
    sample,
    (judged, now) => judged.name === now.name && judged.role === now.role,
  );
  return {
    ...figures,
    unjudgedItems: figures.unjudgedItems.map(unkey),
    droppedItems: figures.droppedItems.map(unkey),
  };
}

export async function auditRoles(
  corpusDir: string,
  auditFile = ROLES_AUDIT_FILE,
): Promise<RolesAudit> {
  return scoreRoleAudit(readAuditFile<RoleJudgement>(auditFile), await roleAttachments(corpusDir));
}

/** Every role sample whose audit file exists, by name, from one run of the extractor. */
export async function auditRoleSamples(
  corpusDir: string,
  specs: readonly AuditSampleSpec[] = ROLES_SAMPLES,
): Promise<Partial<Record<AuditSampleSpec['name'], RolesAudit>>> {
  return scorePresentSamples(specs, () => roleAttachments(corpusDir), scoreRoleAudit);
}

export async function printRolesAudit(corpusDir: string): Promise<void> {
  const samples = await auditRoleSamples(corpusDir);
  for (const spec of ROLES_SAMPLES) {
    const figures = samples[spec.name];
    if (!figures) continue;
    console.log(formatAudit(`Roles, NDT news, ${spec.label}`, figures));
    for (const item of figures.droppedItems)
      console.log(
        `  dropped  ${item.verdict}  ${item.file}#${item.sentence}  ${item.name} = ${item.role}`,
      );
    for (const item of figures.unjudgedItems)
      console.log(
        `  unjudged ${JSON.stringify({ file: item.file, sentence: item.sentence, start: item.start, end: item.end, name: item.name, role: item.role })}\n    (${item.via}: ${item.roleText})  ${item.sentenceText}`,
      );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const corpusDir =
    argv.find((a) => !a.startsWith('--')) ?? path.resolve(here, '../../shared/corpus');
  if (!existsSync(path.join(corpusDir, 'ndt-nob'))) {
    console.log(`Skipping role audit: ${corpusDir}/ndt-nob is absent.`);
  } else if (argv.includes('--draw')) {
    const spec = chooseSample(ROLES_SAMPLES, argv);
    const all = await roleAttachments(corpusDir);
    const excluding = exclusionRules(ROLES_SAMPLES, spec);
    const { sample, threshold } = drawSample(all.map(keyed), spec.seed, spec.size, excluding);
    console.log(
      `sample ${spec.name} seed ${spec.seed} threshold ${threshold} of ${all.length} excluding ${JSON.stringify(excluding.map(({ seed, threshold }) => ({ seed, threshold })))}`,
    );
    for (const a of sample.map(unkey)) {
      console.log(
        `${JSON.stringify({ file: a.file, sentence: a.sentence, start: a.start, end: a.end, name: a.name, role: a.role })}\t(${a.via}: ${a.roleText})  ${a.sentenceText}`,
      );
    }
  } else {
    await printRolesAudit(corpusDir);
  }
}
