import type { Timeline } from '../../answers/timeline';
import type { WhatHappenedAnswer } from '../../answers/types';
import {
  periodPicture as drawPeriod,
  timelinePicture as drawTimeline,
  type Picture,
} from '../../charts/pictures';
import type { Messages } from '../../i18n';
import type { ViewFile } from '../view';

const attachment = (picture: Picture): ViewFile => ({
  name: picture.name,
  data: picture.png,
  description: picture.alt,
});

/** A month's or a range's picture: events per day, the busiest days named. */
export function periodPicture(answer: WhatHappenedAnswer, t: Messages): { files?: ViewFile[] } {
  const picture = drawPeriod(answer, t);
  return picture ? { files: [attachment(picture)] } : {};
}

/** When a name is in the archive, as a picture. */
export function timelinePicture(timeline: Timeline, t: Messages): ViewFile {
  return attachment(drawTimeline(timeline, t));
}
