// Entities beyond business news: sports clubs, venues, towns, news agencies, civic titles, and person names that
// need evidence. Sentences written for this file; names are invented and differ from every fixture.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities.js';
import { canonicalizeAcrossDocuments, entityKey } from '../../src/merge/canonical.js';
import { makeContext } from '../../src/extract/text.js';
import kinds from '../../src/extract/lexicon/entities-kinds.json' with { type: 'json' };
import roleTitles from '../../src/extract/lexicon/roles-titles.json' with { type: 'json' };
import titles from '../../src/extract/lexicon/entities-titles.json' with { type: 'json' };
import { type Row, org, person, place, run } from './entity-rows.js';


describe('a person needs evidence', () => {
  it.each<[string, Row[]]>([
    // Foreign given names compromise does not know, with a person cue.
    ['Anselmo Urquiaga, the city’s fire chief, told reporters the blaze began in a kiosk.', [person('Anselmo Urquiaga')]],
    ['"We did everything we could," said Oluwaseun Bakare, the club’s head coach.', [person('Oluwaseun Bakare')]],
    ['Priya Venkatesan, 41, was treated at Hospital Santa Regina.', [person('Priya Venkatesan'), org('Hospital Santa Regina')]],
    ['The 34-year-old Teodoro Arrizabalaga was later released.', [person('Teodoro Arrizabalaga')]],
    ['Tessaly Fenwick said the vote was close.', [person('Tessaly Fenwick')]],
    // "who" after the name, at a sentence start where a capital proves nothing.
    ['Zaiga Ostrovska, who has run the airline since 2020, will stay on.', [person('Zaiga Ostrovska')]],
    // Accented spellings of first names compromise knows unaccented.
    ['Inés Calderete opened the meeting.', [person('Inés Calderete')]],
    // The surname alone near he/she.
    ['Caspian Drury arrived late. Drury said he had been stuck in traffic.', [person('Caspian Drury'), person('Drury', 'Caspian Drury')]],
    // A surname seen with a title elsewhere.
    ['Mayor Vukovar spoke first. Later, Dariel Vukovar visited the wards.', [person('Vukovar', 'Dariel Vukovar'), person('Dariel Vukovar')]],
    // An owner of a named organisation.
    ['Investors in Corwin Lashley’s Tidewell rose.', [person('Corwin Lashley'), org('Tidewell')]],
    // A first name beats a venue word that is also a surname.
    ['Jane Park and John Street spoke at the event.', [person('Jane Park'), person('John Street')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each([
    // Two capitalised words with no cue and no evidence stay out.
    'Marbella Grove hosted the event.',
    'Caspian Drury arrived late.',
  ])('keeps out: %s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('sports clubs', () => {
  it.each<[string, Row[]]>([
    ['Fans of Kelmar United and Ostrava City clashed outside Holloway Park.', [org('Kelmar United'), org('Ostrava City'), place('Holloway Park')]],
    ['The match between Atlético Serrano and Dynamo Verkhov was abandoned.', [org('Atlético Serrano'), org('Dynamo Verkhov')]],
    ['Valmonte Atlético and Sporting Talavera postponed their match.', [org('Valmonte Atlético'), org('Sporting Talavera')]],
    // A name that ends in an organisation word is whole before "and", unless only such words follow.
    ['Brannock Airways and Velmira Air announced the merger on Monday.', [org('Brannock Airways'), org('Velmira Air')]],
    ['Customers of Ostlund Bank and Trust Company were told on Monday.', [org('Ostlund Bank and Trust Company')]],
    ['FC Lindholm beat AS Caravella 2-1 at the Stade de la Garenne.', [org('FC Lindholm'), org('AS Caravella'), place('Stade de la Garenne')]],
    ['Captain Niamh Rourke scored twice for Ballymore Rovers.', [person('Niamh Rourke'), org('Ballymore Rovers')]],
    ['Deportivo Carvalhal lost again. Carvalhal coach Ilse Brandauer said the team was tired.', [
      org('Deportivo Carvalhal'),
      org('Carvalhal', 'Deportivo Carvalhal'),
      person('Ilse Brandauer'),
    ]],
    // "City" at the end is the town when something says so.
    ['Crowds gathered in Ostrava City on Sunday.', [place('Ostrava City')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each(['The Real Estate Council said prices would rise.'])('a club word among ordinary words is no club: %s', (text) => {
    expect(run(text)).toEqual([org('Real Estate Council')]);
  });
});

describe('clubs across documents', () => {
  it('maps a club’s town word in another document to the club', () => {
    const texts = ['Real Carvalhal won 2-0 on Saturday.', 'The Carvalhal coach Ilse Brandauer praised the fans.'];
    const found = texts.map((t) => extractEntities(makeContext(t, null)));
    const corpus = canonicalizeAcrossDocuments(found, texts);
    expect(corpus.get(entityKey('organization', 'Carvalhal'))).toEqual({ kind: 'organization', canonical: 'Real Carvalhal' });
  });
});

describe('venues and facilities', () => {
  it.each<[string, Row[]]>([
    ['The roof of the Estadio de Los Olivares collapsed.', [place('Estadio de Los Olivares')]],
    ['The fire started near Las Palmeras and spread to the Estadio de las Palmeras.', [place('Las Palmeras'), place('Estadio de las Palmeras')]],
    ['Flights at Tarnow Airport were suspended and Central Station was closed.', [place('Tarnow Airport'), place('Central Station')]],
    ['A vigil was held in the Plaza Mayor and on Quillon Bridge.', [place('Plaza Mayor'), place('Quillon Bridge')]],
    ['The teams will meet at Arena Valcárcel in May.', [place('Arena Valcárcel')]],
    ['Los Cedros residents were evacuated to El Mirador.', [place('Los Cedros'), place('El Mirador')]],
    // Hospitals are organisations.
    ['Eleven people were taken to Hospital Universitario San Telmo and Brightwater Hospital.', [
      org('Hospital Universitario San Telmo'),
      org('Brightwater Hospital'),
    ]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('towns and regions', () => {
  it.each<[string, Row[]]>([
    ['OSTRIDA, Portugal, Feb 9 (Agência Lusa Norte) - Police said two men were arrested.', [
      place('OSTRIDA', 'Ostrida'),
      place('Portugal'),
      org('Agência Lusa Norte'),
    ]],
    ['MARVILLE (Courier Wire) - The mayor of Marville resigned on Tuesday.', [place('MARVILLE', 'Marville'), org('Courier Wire'), place('Marville')]],
    ['Marville police said Marville city council would meet on Friday.', [place('Marville'), place('Marville')]],
    ['Firefighters from the Tornadal region arrived in Sarnico late on Sunday.', [place('Tornadal'), place('Sarnico')]],
    ['Fire crews from Bramford arrived within minutes, according to Radio Bramford.', [place('Bramford'), org('Radio Bramford')]],
    ['The Varnholt-based insurer said claims would rise.', [place('Varnholt')]],
    ['Orvella Mayor Sunniva Holt visited the scene.', [place('Orvella'), person('Sunniva Holt')]],
    // A state or a country stays a place where a firm's cue stands: it has officials, a governor and reports.
    ['Mississippi reported its first two deaths on Monday.', [place('Mississippi')]],
    ["Latvia's transport minister, Andris Ozolins, backed the deal.", [place('Latvia'), person('Andris Ozolins')]],
    ['Officials in Alabama said the storm was over. Alabama Power said 300,000 customers had no power.', [
      place('Alabama'),
      org('Alabama Power'),
    ]],
    // A title abbreviated with a stop: "Gov." is no sentence end.
    ['The state’s Gov. Tamsin Orrell declared an emergency. Orrell said the damage was severe.', [
      person('Tamsin Orrell'),
      person('Orrell', 'Tamsin Orrell'),
    ]],
    // The organisation is the whole name; a town before lower-case "police" is a place.
    ['Officials at Tarnow City Council and the Tarnow Fire Brigade met.', [org('Tarnow City Council'), org('Tarnow Fire Brigade')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('news agencies and outlets', () => {
  it.each<[string, Row[]]>([
    ['Referee Mateo Quiroga stopped the game, local paper La Voz del Norte reported.', [person('Mateo Quiroga'), org('La Voz del Norte')]],
    ['The coach told broadcaster Kanal Sieben that the team would stay.', [org('Kanal Sieben')]],
    ['Sources told the Tarnow Gazette that the club would be fined.', [org('Tarnow Gazette')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('civic and sports titles', () => {
  it.each<[string, Row[]]>([
    ['Fire chief Laila Osman said the crowd had been calm. Osman added that she had asked for more officers.', [
      person('Laila Osman'),
      person('Osman', 'Laila Osman'),
    ]],
    ['Health minister Birgit Sandvoll visited the wounded. Interior Minister Kofi Mensah-Baidoo also attended.', [
      person('Birgit Sandvoll'),
      person('Kofi Mensah-Baidoo'),
    ]],
    ['Deputy mayor Sunniva Holt said the plaza would reopen.', [person('Sunniva Holt')]],
    ['The club’s sporting director, Yusuf Demirci, resigned.', [person('Yusuf Demirci')]],
    ['Police chief Edda Kvist met councillor Tomasina Reyes.', [person('Edda Kvist'), person('Tomasina Reyes')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('not entities', () => {
  it.each([
    'Local News',
    'Club News',
    'Club officials met on Monday.',
    'Fire chief said nothing.',
    'Police said the road was closed.',
    'Officials said the stand was safe. Other officials disagreed.',
    'Real Estate',
  ])('%s', (text) => {
    expect(run(text)).toEqual([]);
  });
});

describe.skip('backlog: known misses', () => {
  it.each<[string, Row[]]>([
    // One word names both the club and its town; a document-wide kind vote cannot split them.
    ['Fans of Real Carvalhal marched through Carvalhal. Carvalhal coach Ilse Brandauer thanked them.', [
      org('Real Carvalhal'),
      place('Carvalhal'),
      org('Carvalhal', 'Real Carvalhal'),
      person('Ilse Brandauer'),
    ]],
    // "at X" is as often a firm as a place.
    ['The blaze was put out at Montevar.', [place('Montevar')]],
    // A two-word unknown name with no cue anywhere in the document.
    ['Tamsin Okonkwo-Reyes arrived late.', [person('Tamsin Okonkwo-Reyes')]],
    // "according to X" reads as an outlet even for a person with an unknown given name.
    ['The fire spread quickly, according to Oluwaseun Bakare.', [person('Oluwaseun Bakare')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('lexicons', () => {
  const lists = Object.entries(kinds).filter((e): e is [string, string[]] => Array.isArray(e[1]));
  it.each(lists)('entities-kinds %s has no duplicates', (_name, list) => {
    expect(list.filter((w, i) => list.indexOf(w) !== i)).toEqual([]);
  });

  it('has the civic and sports titles in both title lexicons', () => {
    const entityTitles = new Set(titles.titles);
    const roleSynonyms = new Set(roleTitles.titles.flatMap((t) => t.synonyms));
    for (const t of ['fire chief', 'police chief', 'chief of police', 'fire commissioner', 'coach', 'head coach', 'manager', 'referee', 'captain', 'mayor', 'councillor', 'spokesman', 'spokeswoman', 'interior minister', 'health minister', 'regional president']) {
      expect(entityTitles.has(t), t).toBe(true);
      expect(roleSynonyms.has(t), t).toBe(true);
    }
    // "deputy mayor" is the qualifier "deputy" on "mayor" in the roles lexicon.
    expect(entityTitles.has('deputy mayor')).toBe(true);
    expect(roleTitles.qualifiers.some((q) => q.qualifier === 'deputy')).toBe(true);
  });
});

describe('a date word inside a name', () => {
  it.each<[string, Row[]]>([
    // A month's full name after a given name is a surname; abbreviations next to a name word are part of it.
    ['Prime Minister Rosalind May said she would stay.', [person('Rosalind May')]],
    ['The founder, Jan Vestergaard, 52, sold his stake.', [person('Jan Vestergaard')]],
    ['Rescue teams reached Puerto del Mar before dawn.', [place('Puerto del Mar')]],
    ['Investors in Sun Tidewell Financial cheered.', [org('Sun Tidewell Financial')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each<[string, Row[]]>([
    // With a number or a dot after it, or a weekday's full name after a name, it is a date.
    ['Tidewell Holdings Mar. 3 filing showed a loss.', [org('Tidewell Holdings')]],
    ['Tidewell Holdings Monday said it had agreed.', [org('Tidewell Holdings')]],
  ])('a date: %s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('a name opened by a known organisation', () => {
  it.each<[string, Row[]]>([
    // A unit of the organisation, not a person: at a sentence start, after "in", or as the subject of "said".
    ['Toshiba Kestrel will acquire the plant.', [org('Toshiba Kestrel')]],
    ['Shares in Toshiba Kestrel fell 3% in Osaka.', [org('Toshiba Kestrel'), place('Osaka')]],
    ['Nokia Varjo said on Tuesday it had agreed.', [org('Nokia Varjo')]],
    // Words that end a firm's name: two capitalised words are no person's with one of them last.
    ['The deal values Korlan Imaging above Tessaro Microsystems.', [org('Korlan Imaging'), org('Tessaro Microsystems')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('keeps out a product line named after its maker', () => {
    expect(run('Buyers of Nokia Varjo phones complained.')).toEqual([]);
  });
});

describe('legal forms inside one document', () => {
  it('a name with and without its closing legal form is one organisation, and its first word alone is it too', () => {
    expect(run('Officials said Tarnwell Systems Inc. will cut jobs. Tarnwell Systems said so on Monday. Shares in Tarnwell rose.')).toEqual([
      org('Tarnwell Systems Inc', 'Tarnwell Systems'),
      org('Tarnwell Systems'),
      org('Tarnwell', 'Tarnwell Systems'),
    ]);
  });
});

describe('titles written in capitals', () => {
  it('are no names, and still mark the person they precede', () => {
    expect(run('Officials said Tidewell named her as Chief Executive in 2019.')).toEqual([org('Tidewell')]);
    expect(run("The company's Chief Financial Officer said the cuts were needed.")).toEqual([]);
    expect(run('Chief Executive Marta Lindqvist described the purchase.')).toEqual([person('Marta Lindqvist')]);
  });
});

describe('storms', () => {
  it('a named storm is no entity, nor its name alone', () => {
    const text =
      'The number of people killed by Hurricane Marisol has risen to 19. It was the strongest hurricane since Hurricane ' +
      'Sally, which made landfall in 2020. "Some families lost everything twice," she said, referring to Sally.\n\n' +
      'Forecasters said the remnants of Marisol would bring rain. Marisol came ashore early on Sunday near Florida.';
    expect(run(text)).toEqual([place('Florida')]);
    expect(run('Tropical Storm Alberto weakened on Monday.')).toEqual([]);
  });

  it('keeps firms whose names open with a storm word', () => {
    expect(run('Officials said Storm Financial Group would pay. A fund, Hurricane Capital, said so too.')).toEqual([org('Storm Financial Group'), org('Hurricane Capital')]);
  });
});

describe('a sentence opened by a group of people', () => {
  it.each([
    'Regulators said the merger could go ahead.',
    'Insurers have estimated losses at $1.5 billion.',
    // a thing's word of five letters or more, not only a verb's: "forecast", "protest"
    'Forecasters said the remnants of the storm would bring rain.',
    'Protesters said they would stay until Friday.',
    // the plural of a profession in -ist or -yst
    'Seismologists said aftershocks were likely for days.',
    'Economists said growth would slow.',
  ])('keeps out: %s', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('keeps out a faith word before a lower-case noun, and keeps the names it opens', () => {
    expect(run('Volunteers at a Baptist church handed out coffee.')).toEqual([]);
    expect(run('Officials said Baptist Health and the Catholic Church would help.')).toEqual([org('Baptist Health'), org('Catholic Church')]);
  });

  it('keeps out a compass adjective, and reads villages and ruins as places', () => {
    expect(run('Most stores belong to the Midwestern chain Farrowmart.')).toEqual([org('Farrowmart')]);
    expect(run('The dead were in the nearby villages of Yanque and Chivay.')).toContainEqual(place('Yanque'));
    expect(run('Soldiers dug through the ruins of Achoma overnight.')).toEqual([place('Achoma')]);
  });

  it('keeps a possessive inside a name: a group of people\'s, or a saint\'s', () => {
    expect(run('Doctors at the Fenwick Children\'s Clinic treated 40 people.')).toEqual([org("Fenwick Children's Clinic")]);
    expect(run('The People\'s Bank of China cut rates.')).toEqual([org("People's Bank of China")]);
    expect(run('The Women\'s Tennis Association fined her.')).toEqual([org("Women's Tennis Association")]);
    expect(run('Staff at St Mary\'s Hospital said it was full.')).toEqual([org("St Mary's Hospital")]);
    // An owner's possessive still ends the name: "Anna Ruiz's Acme Corp".
    expect(run('Anna Ruiz\'s Acme Corp said sales rose.')).toEqual([person('Anna Ruiz'), org('Acme Corp')]);
  });

  it('keeps a one-word firm opening a sentence', () => {
    expect(run('Tidewell said the merger could go ahead.')).toEqual([org('Tidewell')]);
  });
});

describe('titles: initials, portfolios', () => {
  it.each<[string, Row[]]>([
    // A portfolio before a minister's title is no organisation.
    ['Revenue minister Kiran Moledath told reporters the roads were shut.', [person('Kiran Moledath')]],
    ['Acme spokesman Tom Reedley said no.', [org('Acme'), person('Tom Reedley')]],
    ['"We had no choice," chief executive TK Marlowe wrote in a memo.', [person('TK Marlowe')]],
    // Without a person cue, initials and a name stay what they were.
    ['Shares in TK Marlowe fell.', [org('TK Marlowe')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('a sentence opened by a name of ordinary words', () => {
  it.each<[string, Row[]]>([
    ['Blue Lantern said the show would go on.', [org('Blue Lantern')]],
    ['Northern Water said supplies were safe.', [org('Northern Water')]],
    // A person's name opening a sentence is no such name, even with a surname that is also a word.
    ['Grace Young said she would stand again.', [person('Grace Young')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('a firm named again by its first word', () => {
  it.each<[string, Row[]]>([
    [
      'Shares of Korvex Wind Power rose. Korvex said it was pleased.',
      [org('Korvex Wind Power'), org('Korvex', 'Korvex Wind Power')],
    ],
    // A firm known by its own name is not a short form of its unit's.
    ['Shares of Nokia Varjo rose. Nokia said it was pleased.', [org('Nokia Varjo'), org('Nokia')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});
