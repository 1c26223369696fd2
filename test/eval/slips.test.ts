import { describe, expect, it } from 'vitest';
import { withSlip } from '../../eval/retrieval';

describe('the slip set: each question with one slip no one-letter fuzzy match repairs', () => {
  it('swaps the two middle letters of the longest word', () => {
    expect(withSlip('Når bestemte Thorsen seg for å anmelde hendelsen?')).toBe(
      'Når bestemte Thorsen seg for å anmelde henedlsen?',
    );
  });

  it('leaves out a question with no word of five letters or more', () => {
    expect(withSlip('Hva står VAR for?')).toBeUndefined();
  });
});
