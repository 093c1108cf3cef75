import assert from 'node:assert/strict';
import { atLeast, atMost, below, exactly, holds } from '../reliability/figures';
import { formatReport, missedIn } from '../reliability/report';

describe('reliability suite: figures and the table', () => {
  it('judges each figure against its target', () => {
    assert.deepEqual(
      [atMost('5xx', 0), atMost('5xx', 1), atMost('slow', 2, 3), atMost('slow', 4, 3)].map(
        (figure) => figure.met,
      ),
      [true, false, true, false],
    );
    assert.equal(atLeast('sent', 9999, 10_000).met, false);
    assert.equal(atLeast('sent', 10_000, 10_000).met, true);
    assert.equal(exactly('written', 2, 1).met, false);
    assert.deepEqual(below('p99', 4999, 5000), {
      name: 'p99',
      value: '5.00 s',
      target: '< 5 s',
      met: true,
    });
    assert.equal(below('p99', 5000, 5000).met, false);
    assert.equal(holds('matrix as documented', false).value, 'no');
  });

  it('counts a missed figure and a section that failed, and says so under the table', () => {
    const sections = [
      { title: '1. A', seconds: 3, figures: [atMost('5xx', 0), atMost('exits', 1)] },
      { title: '2. B', seconds: 1, figures: [], error: 'store did not start' },
    ];
    assert.equal(missedIn(sections), 2);
    const table = formatReport(sections, 4);
    assert.match(table, /1\. A \(3 s\)\s+5xx\s+0\s+0\s+met\n\s+exits\s+1\s+0\s+MISSED/);
    assert.match(table, /2\. B \(1 s\)\s+the section ran to its end\s+store did not start/);
    assert.match(table, /2 figure\(s\) MISSED\.$/);
    const passing = [{ title: '1. A', seconds: 3, figures: [atMost('5xx', 0)] }];
    assert.equal(missedIn(passing), 0);
    assert.match(formatReport(passing, 3), /Every figure met\.$/);
  });
});
