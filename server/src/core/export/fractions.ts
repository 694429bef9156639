// Moodle's grade fractions for a multiple-response question: the keys share +100 %, the
// distractors share −100 %, each rounded to one of the values Moodle accepts (100/n to five
// decimals, as its own forms offer them).

export function fractions(correct: readonly boolean[]): string[] {
  const keys = correct.filter(Boolean).length;
  const wrong = correct.length - keys;
  return correct.map((isKey) => (isKey ? share(100, keys) : share(-100, wrong)));
}

function share(total: number, count: number): string {
  return count ? String(Number((total / count).toFixed(5))) : '0';
}
