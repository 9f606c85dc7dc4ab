/**
 * Word lists behind the resolver's rules. Kept as data in one place so a wrong call on a
 * real page is fixed by editing a list, not the logic.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Capitalized words that are not given names or surnames: sentence openers, function
 * words (headlines capitalize them), days, months, and qualifiers of place names
 * ("Soviet Georgia"). Compared lower-cased.
 */
export const NOT_NAMES = set(`
  a an the and or but nor for so yet in on at to from of by with without about after before
  since as if when while where why how what who whom which that this these those there then
  now today yesterday tomorrow tonight meanwhile however also still even only both all some
  many most more last next early earlier later his her its their our my your he she it they
  we i you is was are were be been will would can could should may might must has have had
  do does did not no yes over under into onto upon between among against across within inside
  outside near via per through during despite unlike like than because although though unless
  until once every each any such other another neither either here says said say
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  soviet western eastern northern southern central greater modern ancient independent
  neighbouring neighboring nearby landlocked tiny rival
  north south east west upper lower new old
`);

/**
 * Titles and honorifics. Before a surname that needs context they confirm the person
 * ("Mr Kim", "Chairman Kim"); before a country that is also a first name they show a
 * person ("Mr Jordan").
 */
export const TITLES = set(`
  mr mrs ms miss dr prof sir dame lord lady president vice chairman chairwoman leader premier
  minister general gen marshal comrade secretary senator sen rep representative gov governor
  king queen prince princess sheikh emir sultan pope ambassador envoy lt col capt sgt adm
  judge justice chancellor commander chief director supreme dictator strongman
`);

/** Words that turn a commonWord alias into the common noun: "Trump card", "roast Turkey". */
export const COMMON_COMPOUNDS: Readonly<Record<string, { after: ReadonlySet<string>; before: ReadonlySet<string> }>> = {
  trump: { after: set('card cards suit suits'), before: new Set() },
  turkey: {
    after: set(`dinner dinners sandwich sandwiches breast breasts leg legs burger burgers bacon gravy
      stuffing baster vulture vultures feather feathers trot shoot hunt hunting hunter farm farms
      farmer farmers fryer neck meat slices club roast day`),
    before: set(`roast roasted smoked wild stuffed carved carving thanksgiving christmas cold whole frozen
      leftover fried deep-fried brined butterball`),
  },
  china: {
    after: set('cabinet cabinets plate plates set sets doll dolls teacup teacups dishes pattern shop'),
    before: set('fine bone'),
  },
};

/** US politics in general: evidence for the US state only against a foreign country. */
export const US_POLITICS_CUES = [
  'Republican', 'Republicans', 'Democrat', 'Democrats', 'Democratic', 'GOP', 'primary', 'primaries',
  'Senate race', 'senator', 'Sen.', 'runoff', 'midterm', 'midterms', 'swing state', 'battleground state',
  'electoral votes', 'Electoral College', 'caucus', 'caucuses',
];

/** State-level government: evidence for the US state against any other sense. */
export const US_STATE_CUES = [
  'County', 'county', 'counties', 'governor', 'Governor', 'Gov.', 'state legislature', 'state lawmakers',
  'state senator', 'state Senate', 'state House', 'statehouse', 'state capitol', 'state election',
  'state officials', 'state Supreme Court',
];

export const US_STATE_NAMES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana',
  'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana',
  'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina',
  'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina',
  'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin',
  'Wyoming',
  // Not Georgia or Washington: "Washington warned Georgia" is the capital and the country.
];

/**
 * Per usPlace alias (lower-cased): what points to the US place, and what points to the
 * entity the knowledge base means (the country Georgia, the capital Washington).
 */
export const US_PLACE_CUES: Readonly<Record<string, { usPlace: string[]; entity: string[] }>> = {
  georgia: {
    usPlace: [
      'Atlanta', 'Savannah', 'Augusta', 'Macon', 'Athens, Ga.', 'Fulton', 'Cobb', 'Gwinnett', 'DeKalb',
      ', Ga.', 'Ga.', 'Bulldogs', 'Peach State', 'Kemp', 'Raffensperger', 'Warnock', 'Ossoff', 'Abrams',
    ],
    entity: [
      'Tbilisi', 'Georgian', 'Georgians', 'Caucasus', 'Kremlin', 'Russia', 'Russian', 'Moscow',
      'South Ossetia', 'Abkhazia', 'Armenia', 'Azerbaijan', 'Black Sea', 'Batumi', 'Soviet',
      'Kobakhidze', 'Ivanishvili', 'Zourabichvili', 'Saakashvili', 'Georgian Dream', 'European Union',
      'EU', 'NATO', 'Ukraine', 'lari',
    ],
  },
  washington: {
    usPlace: [
      'Seattle', 'Spokane', 'Tacoma', 'Olympia', 'Bellevue', 'Yakima', 'Redmond', 'Wash.', 'Evergreen State',
      'Huskies', 'Seahawks', 'Puget Sound', 'Pacific Northwest', 'Inslee', 'King County',
    ],
    entity: [
      'D.C.', 'DC', 'White House', 'Capitol', 'Congress', 'Pentagon', 'State Department', 'administration',
      'federal', 'Oval Office', 'Beijing', 'Moscow', 'Kyiv', 'Tehran', 'Pyongyang', 'Seoul', 'Tokyo',
      'London', 'Brussels', 'Berlin', 'Paris', 'Jerusalem', 'embassy', 'ambassador', 'sanctions', 'allies',
    ],
  },
};
