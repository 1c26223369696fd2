/**
 * Articles written for the tests: people, places and dates that appear nowhere in the
 * shipped knowledge, so that passing tests show general reading, not seed-tuned rules.
 */

// Published Wednesday 2023-03-15.
export const bokmalBudget = `---
title: Bystyret i Lillevik vedtok nytt budsjett
date: 2023-03-15
url: https://example.org/lillevik-budsjett
language: nb
---
Bystyret i Lillevik vedtok i går et nytt budsjett etter lange forhandlinger.

– Dette er en god dag for byen, sier ordfører Kari Nordmann (Ap) til avisen.

Striden om skolene

Under mandagens møte i formannskapet krevde opposisjonen flere lærere. Finansminister Trygve Slagsvold Vedum har lovet mer penger til kommunene.

Nordmann skal møte fylkesrådet fredag for å diskutere veiene.
`;

// Published Monday 2023-03-20; names the mayor by surname only, and dates the next step.
export const bokmalFollowUp = `---
title: Lillevik får nye lærere
date: 2023-03-20
language: nb
---
Kommunen ansetter tjue nye lærere, opplyser Nordmann.

Avtalen skal undertegnes torsdag i neste uke, ifølge rådmann Per Olav Hansen.
`;

// Published Thursday 2021-06-10, in English.
export const englishClimate = `---
title: Ministers agree on fjord protection
date: 2021-06-10
language: en
---
Environment ministers from the Nordic countries agreed on Tuesday to protect the fjords of the west coast.

"This is a historic step," said Norwegian Climate Minister Sveinung Rotevatn after the meeting in Bergen.

The agreement will be signed in Oslo on Friday, Rotevatn said.
`;

// A raw text file as moderators drop them in: a date token, no title, no front matter.
export const rawText = ` date 2022-09-05 Fiskerne i Nordvik protesterte mandag mot de nye kvotene.

Fiskeriminister Bjørnar Skjæran møtte fiskerne på kaia. Foto: Ola Olsen / NTB

Kvotene trer i kraft 1. oktober.
`;

// Nynorsk, published Thursday 2023-09-14, language left for the detector.
export const nynorskSchool = `---
title: Kommunestyret i Fjellbygd sa ja til ny skule
date: 2023-09-14
---
Kommunestyret i Fjellbygd vedtok i går å byggje ein ny skule på Nes. Det var ikkje alle som var nøgde med vedtaket.

– Dette er ein stor dag for bygda, seier ordførar Ingrid Haugen (Sp).

Arbeidet skal starte måndag, og skulen skal stå ferdig hausten 2025.
`;
