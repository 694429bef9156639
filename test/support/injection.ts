// A case whose every text slot carries markup that would run or restyle if it were not escaped.
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  '</style><style>body{display:none}</style>',
  "javascript:window.__pwned=1",
  '`${window.__pwned=1}`',
];

const P = PAYLOADS.join(' ');

export const INJECTION_CASE = `case: inject-01
title: ${P}
tags: ${PAYLOADS.map((p) => p.replace(/,/g, ' ')).join(', ')}
level: ${P}

[patient]
age: ${P}
sex: female

[history]
${P}

[exam]
${P}

[labs]
hemoglobin: 7 g/dL
${'x'}-unknown: ${P}
hematocrit: 21 ${P}
reticulocytes: ${P}

[labs: ${P}]
hemoglobin: 8 g/dL

[smear]
findings: ${PAYLOADS.map((p) => p.replace(/,/g, ' ')).join(', ')}
note: ${P}

[marrow]
erythroid: ${P}
note: ${P}

[course]
${P}

[answer]
mechanism: ${P}
diagnosis: ${P}
explanation: ${P}
`;
