import { describe, expect, it } from 'vitest';
import data from '../../src/extract/lexicon/attributes.json' with { type: 'json' };
import { findAttribute } from '../../src/extract/attributes.js';
import { AttributeLexicon } from '../../src/extract/lexicon-schemas.js';

const lexicon = AttributeLexicon.parse(data);

describe('attribute lexicon', () => {
  it('has unique attribute names', () => {
    const names = lexicon.attributes.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('never lists a trigger twice within one attribute', () => {
    for (const a of lexicon.attributes) {
      const all = [...a.triggers, ...(a.weak ?? []), ...(a.after ?? [])];
      expect(new Set(all).size, a.name).toBe(all.length);
    }
  });
});

// Offsets of the first occurrence of `target` in `sentence`.
function attributeOf(kind: string, sentence: string, target: string): string {
  const start = sentence.indexOf(target);
  return findAttribute(kind, sentence, start, start + target.length).name;
}

describe('attribute lexicon: notAfter', () => {
  it('names only triggers of its own attribute', () => {
    for (const a of lexicon.attributes) for (const t of Object.keys(a.notAfter ?? {})) expect(a.triggers, a.name).toContain(t);
  });
});

describe('attribute lexicon: notBefore', () => {
  it('names only triggers of its own attribute', () => {
    for (const a of lexicon.attributes) for (const t of Object.keys(a.notBefore ?? {})) expect(a.triggers, a.name).toContain(t);
  });
});

describe('findAttribute', () => {
  it.each([
    ['money', 'The acquisition, valued at $2.1 billion, closed on Friday.', '$2.1 billion', 'deal value'],
    // A sum a change arrives at is a level of what changed; the change itself stays a change.
    ['money', 'Revenue rose 13% to $1.3 billion.', '$1.3 billion', 'revenue'],
    ['money', 'Revenue rose $150 million to $1.3 billion.', '$150 million', 'change'],
    ['money', 'Its shares fell 4.5% in late trading to about $12.03.', '$12.03', 'amount'],
    ['percent', 'Revenue rose 13% to $1.3 billion.', '13%', 'change'],
    ['money', 'The round gives the startup a valuation of $2.1 billion.', '$2.1 billion', 'valuation'],
    ['money', 'Acme raised $50 million in a Series B round.', '$50 million', 'funding round'],
    ['money', 'Rivals made offers as high as $100 million to engineers.', '$100 million', 'salary or offer'],
    ['money', 'Acme will pay $38 a share in cash.', '$38', 'price per share'],
    ['money', 'Save $200 on your pass.', '$200', 'price'],
    ['money', 'Quarterly revenue reached $3 billion.', '$3 billion', 'revenue'],
    ['percent', 'Acme bought a 49% stake in Globex.', '49%', 'stake'],
    ['percent', 'The offer is a 62% premium to the closing price.', '62%', 'premium'],
    ['percent', 'Workers get a 4.5% pay rise this year.', '4.5%', 'pay rise'],
    ['percent', 'Shares fell 3% on Monday.', '3%', 'change'],
    ['date', 'The deal was announced on June 12.', 'June 12', 'announcement date'],
    ['date', 'Acme issued a statement on June 12.', 'June 12', 'announcement date'],
    // issuing a bond is no announcement
    ['date', 'Acme will fund it with a bond, to be issued next month.', 'next month', 'date'],
    ['date', 'Founded in 2016, the startup grew fast.', '2016', 'founding date'],
    ['date', 'Jane Doe will take over as chief executive on July 1.', 'July 1', 'start date'],
    ['date', 'John Roe will retire on June 30.', 'June 30', 'departure date'],
    ['money', 'Officials put the damage at €30 million.', '€30 million', 'damage'],
    // a termination fee is neither the deal's value nor a price, though "pay", "deal" and "fee" stand near it
    ['money', 'Acme has agreed to pay Globex a $126 million termination fee, in a deal valued at $4 billion.', '$126 million', 'termination fee'],
    ['money', 'Globex would owe a break-up fee of $90 million if it accepted a rival offer.', '$90 million', 'termination fee'],
    // the longer of two triggers as near: "insured losses" (damage), not "losses" (profit)
    ['money', 'Analysts estimated insured losses at more than $3 billion.', '$3 billion', 'damage'],
    // raising an estimate is no raising of money
    ['money', 'The firm raised its estimate of the damage to $5.2 billion.', '$5.2 billion', 'damage'],
    ['date', 'The firm raised its loss estimate on Thursday.', 'Thursday', 'date'],
    // a date after a toll is when it stood so, not the event's date nor a death's
    ['date', 'The death toll from the storm rose to 12 on Monday.', 'Monday', 'toll date'],
    ['date', 'The toll stood at three after a body was recovered on Tuesday.', 'Tuesday', 'toll date'],
    ['date', 'The blast on Monday raised the death toll to 12.', 'Monday', 'incident date'],
    ['money', 'The region pledged €5 million in emergency aid.', '€5 million', 'aid or compensation'],
    ['date', 'The arena was last inspected on May 6.', 'May 6', 'inspection date'],
    ['date', 'The blaze broke out on Sunday, October 12.', 'Sunday, October 12', 'incident date'],
    ['date', 'Nothing else happened on June 12.', 'June 12', 'date'],
    // Elections, run-offs, hearings and transfers; "round" there is no funding round.
    ['date', 'Vale won the first round of the election on Sunday and will face Orr in a run-off on June 14.', 'Sunday', 'election date'],
    ['date', 'Vale won the first round of the election on Sunday and will face Orr in a run-off on June 14.', 'June 14', 'run-off date'],
    ['date', 'The court has set a hearing for September 14, the company said.', 'September 14', 'hearing date'],
    ['date', 'The appeal will be heard on September 21.', 'September 21', 'hearing date'],
    ['money', 'Rovers agreed a club-record fee of £54m with Almenara.', '£54m', 'transfer fee'],
    // A possessive's "own" owns nothing; a rate of anything is no interest rate.
    ['percent', 'She polled 33% last month, surprising members of her own campaign.', '33%', 'percentage'],
    ['percent', 'He completed 91% of his passes, the highest rate of any midfielder.', '91%', 'share of passes'],
    ['percent', 'The central bank raised its policy rate to 5.5%.', '5.5%', 'interest rate'],
    ['percent', 'Acme owns 12% of the company.', '12%', 'stake'],
    // A golf round is no funding round; inflation is no interest rate; a sentencing is a hearing.
    ['date', 'The final round was played on Sunday in heavy rain.', 'Sunday', 'date'],
    ['date', 'Acme raised money in a round led by Sequoia on Monday.', 'Monday', 'funding date'],
    ['percent', 'Inflation was 4.1% in January.', '4.1%', 'percentage'],
    ['date', 'He will be sentenced on April 30.', 'April 30', 'hearing date'],
    // A share of something names what it is a share of, whatever trigger stands near ("share of revenue"); a share
    // of a named company that is held is a stake, and a share of a value is a change of price.
    ['percent', 'Harlow Foods said the brand makes up 18% of its revenue.', '18%', 'share of revenue'],
    ['percent', "The brand accounts for 21 per cent of the Dublin-based group's annual sales.", '21 per cent', 'share of revenue'],
    ['percent', "The line carries 12% of the railroad's freight traffic, up from last year.", '12%', 'share of freight'],
    ['percent', 'The state fund, which holds 30% of Brindle, will end up with 9% of the new group.', '30%', 'stake'],
    ['percent', 'The state fund, which holds 30% of Brindle, will end up with 9% of the new group.', '9%', 'share of group'],
    ['percent', 'About 40% of the Oakridge National Forest has burned.', '40%', 'share of forest'],
    ['percent', 'Public debt was 90% of GDP last year.', '90%', 'share of gdp'],
    ['percent', 'The token has lost 70% of its value since Monday.', '70%', 'percentage'],
    ["percent", "Brindle's own stablecoin trades 3% below its peg.", '3%', 'percentage'],
    // "highest-paid" pays nothing; a weekly sum is a wage.
    ['money', 'He will earn about £90,000 a week, making him the highest-paid player at the club.', '£90,000', 'salary or offer'],
    ['money', 'The council approved a $40 million bond issue, raising property taxes to pay for roads.', '$40 million', 'bond issue'],
    ["money", "The striker's release clause of €60 million was never triggered.", '€60 million', 'release clause'],
    ['money', 'The two firms expect annual cost savings of about €90 million.', '€90 million', 'savings'],
    ['money', 'The railroad estimated the cost of the cleanup at $40 million.', '$40 million', 'cost'],
    ['money', 'Season tickets cost £495.', '£495', 'price'],
    ['date', 'The regulator opened a review on Monday and must decide by September 9.', 'September 9', 'deadline'],
    ['date', 'The regulator opened a review on Monday and has until September 9 to rule.', 'Monday', 'date'],
    ['date', 'The leak was first detected on March 2 during routine checks.', 'March 2', 'discovery date'],
    ['date', 'Customers got no email until May 9, weeks after the firm discovered the breach.', 'May 9', 'date'],
    ['date', 'Chief executive Ana Reyes resigned on March 3.', 'March 3', 'departure date'],
    ['date', 'Ana Reyes, who stepped down on March 4, declined to comment.', 'March 4', 'departure date'],
    ['date', 'The evacuation order was issued on February 6.', 'February 6', 'evacuation date'],
    ['date', 'The new league season starts on August 9.', 'August 9', 'date'],
    // A name before a noun qualifies it: the share is of the noun, unless the name is held.
    ['percent', 'Marlow confirmed that 68% of Saltfern Sky ticket holders had been refunded.', '68%', 'share of holders'],
    ['percent', 'The pension fund holds 34% of Brindle Foods shares.', '34%', 'stake'],
    ['percent', 'Gas made up 12% of Norway exports.', '12%', 'share of exports'],
    ['percent', 'Oil was 40% of Norway output.', '40%', 'share of norway'],
    // A trigger joined by a hyphen to the word after it is an adjective of another sense: "loss-making".
    ['money', 'The group, which turned over £3.4 billion last year, is closing loss-making stores.', '£3.4 billion', 'revenue'],
    // "ticket holders" are people, not a price.
    ['money', 'Refunds will total A$14.7 million, and ticket holders have until March 31 to claim.', 'A$14.7 million', 'refunds'],
    ['money', '- **Refund bill:** A$17.4 million', 'A$17.4 million', 'refunds'],
    ['money', 'The organiser said it would lose A$11.8 million and had so far refunded 62% of ticket holders.', 'A$11.8 million', 'profit'],
    ['date', 'Thieves broke into the museum in the early hours of March 1.', 'March 1', 'incident date'],
    ['date', '- **Grounded:** 12 October, shortly after midnight', '12 October', 'incident date'],
    ['date', 'The intrusion at the hospital group began on February 24.', 'February 24', 'incident date'],
    // A date set against an event named after it is not that event's.
    ['date', 'Staff got the email on March 9, a week after the theft.', 'March 9', 'date'],
    // An inquiry into an event is not the event.
    ['date', 'A public inquiry into the collapse of the footbridge opened on Monday.', 'Monday', 'date'],
    ['date', 'The footbridge collapse on March 14 shocked the town.', 'March 14', 'incident date'],
  ])('%s in %j → %s', (kind, sentence, target, expected) => {
    expect(attributeOf(kind, sentence, target)).toBe(expected);
  });

  // Backlog: "valued at" is weak (it also values deals), so a strong trigger elsewhere in the sentence wins.
  it.skip('reads "is valued at" after a round as a valuation', () => {
    expect(attributeOf('money', 'The startup is valued at $2.1 billion after the round.', '$2.1 billion')).toBe('valuation');
  });
});
