// The sources the "Why this works" page cites, each as it was found when the page was written:
// only what a source's own page showed (authors, year, journal, DOI) is given, and a field that
// could not be checked says so instead of being filled in from memory.

export interface WhyReference {
  /** How the page's text names it: "Heiderscheit et al. 2011". */
  cited: string;
  authors: string;
  /** null: not confirmed from the sources found, so not given. */
  year: string | null;
  title: string;
  journal: string | null;
  /** A DOI or a PubMed Central number, as text: the page fetches nothing. */
  identifier: string;
}

export const whyReferences: readonly WhyReference[] = [
  {
    cited: 'Heiderscheit et al. 2011',
    authors: 'Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB',
    year: '2011',
    title: 'Effects of step rate manipulation on joint mechanics during running',
    journal: 'Medicine & Science in Sports & Exercise 43(2):296–302',
    identifier: 'doi:10.1249/MSS.0b013e3181ebedf4',
  },
  {
    cited: 'Lenhart et al. 2014',
    authors: 'Lenhart et al.',
    year: '2014',
    title: 'Increasing running step rate reduces patellofemoral joint forces',
    journal: 'Medicine & Science in Sports & Exercise 46(3):557–564',
    identifier: 'doi:10.1249/MSS.0b013e3182a78c3a',
  },
  {
    cited: 'Willy et al. 2016',
    authors: 'Willy et al.',
    year: '2016',
    title: 'In-field gait retraining and mobile monitoring to address running biomechanics associated with tibial stress fracture',
    journal: 'Scandinavian Journal of Medicine & Science in Sports 26(2):197–205',
    identifier: 'doi:10.1111/sms.12413',
  },
  {
    cited: 'Crowell and Davis',
    authors: 'Crowell, Davis',
    year: null,
    title: 'Gait retraining to reduce lower extremity loading in runners',
    journal: null,
    identifier: 'PubMed Central PMC3014399',
  },
  {
    cited: 'Davis et al. 2020',
    authors: 'Davis IS, Tenforde AS, Neal BS, Roper JL, Willy RW',
    year: '2020',
    title: 'Gait retraining as an intervention for patellofemoral pain',
    journal: 'Current Reviews in Musculoskeletal Medicine, issue 1, 2020',
    identifier: 'PubMed Central PMC7083994',
  },
  {
    cited: 'Davis 2011',
    authors: 'Davis I',
    year: '2011',
    title: 'Gait retraining: altering the fingerprint of gait',
    journal: 'Journal of Foot and Ankle Research 4 (Suppl 1): A5, a conference abstract',
    identifier: 'doi:10.1186/1757-1146-4-S1-A5',
  },
  {
    cited: 'Anderson et al. 2022',
    authors: 'Anderson LM, Martin JF, Barton CJ, Bonanno DR',
    year: '2022',
    title: 'What is the effect of changing running step rate on injury, performance and biomechanics? A systematic review and meta-analysis',
    journal: 'Sports Medicine – Open',
    identifier: 'doi:10.1186/s40798-022-00504-0',
  },
  {
    cited: 'van Oeveren et al. 2017',
    authors: 'van Oeveren BT, de Ruiter CJ, Beek PJ, van Dieën JH',
    year: '2017',
    title: 'Optimal stride frequencies in running at different speeds',
    journal: 'PLOS ONE 12(10): e0184273',
    identifier: 'doi:10.1371/journal.pone.0184273',
  },
];
