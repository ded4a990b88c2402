// Evaluates each expression with Node.js and writes what JavaScript answers, so that the JUnit test
// JsOracleTest can compare hookc's compiled expressions with real JavaScript without needing Node.
//
// Rerun after changing the list, from the repository root:
//   node plugin/src/test/js/js-oracle.js > plugin/src/test/resources/expr/js-oracle.json
//
// Only expressions whose result hookc promises to match belong here; the deliberate differences
// (arithmetic on a missing value, binary floating point such as 0.1 + 0.2) are in docs/expressions.md.
const expressions = [
  "1 + 2", "7 - 10", "6 * 7", "7 / 2", "1 / 4", "1 / 3", "10 / 5", "7 % 3", "-7 % 3", "7.5 % 2",
  "2 + 3 * 4", "(2 + 3) * 4", "10 - 2 - 3", "-5 + 2", "1.5 + 2.25", "0.5 * 4", "-(3)", "+4",
  "'a' + 'b'", "'n' + 1", "1 + 'n'", "'x' + true", "'x' + null", "1 + 2 + 'a'", "'a' + 1 + 2",
  "'v' + 1.50", "'' + [1, 2]", "'t' + [] ",
  "1 == 1", "1 == '1'", "1 === '1'", "'1' != 1", "'1' !== 1", "0 == ''", "0 == false",
  "true == 1", "null == null", "null == 0", "null === null", "'a' == 'a'", "1 == 1.0",
  "1 === 1.0", "2 < 10", "'2' < '10'", "'2' < 10", "'b' > 'a'", "3 >= 3", "3 <= 2", "2.5 > 2",
  "true && 'x'", "0 && 'x'", "'' || 'fallback'", "'a' || 'b'", "null || 0", "0 || null",
  "null ?? 'd'", "0 ?? 'd'", "'' ?? 'd'", "false ?? true",
  "!0", "!1", "!''", "!'0'", "![]", "!null", "!!'x'",
  "true ? 'y' : 'n'", "0 ? 'y' : 'n'", "'' ? 1 : 2", "[] ? 1 : 2", "null ? 1 : 2.5",
  "'Hello'.length", "[1, 2, 3].length", "'abc'[1]", "[10, 20][1]", "[10, 20][5]",
  "({a: {b: 2}}).a.b", "({'b-c': 1})['b-c']", "[1, 'x', null]", "({k: [1, 2], s: 'v'})",
  "'Hello'.includes('ell')", "'Hello'.startsWith('He')", "'Hello'.endsWith('lo')",
  "'Hello'.toUpperCase()", "'Hello'.toLowerCase()", "'  pad  '.trim()", "'a,b,,c'.split(',')",
  "'abc'.split('')", "'hello'.indexOf('l')", "'hello'.indexOf('z')", "'hello'.slice(1, 3)",
  "'hello'.slice(-3)", "'hello'.slice(3, 1)", "'hello'.substring(3, 1)", "'hello'.substring(-2, 2)",
  "'a-b-c'.replace('-', '+')", "'ab'.concat('c', 1)", "[1, 2, 3].includes(2)",
  "[1, 2, 3].includes(4)", "['a', 'b'].indexOf('b')", "[1, 2, 3].join('-')", "[1, null, 3].join()",
  "[1, 2, 3, 4].slice(1, -1)", "[1, 2].concat([3])", "'x'.concat()",
];
const results = expressions.map((expression) => {
  const value = eval("(" + expression + ")");
  return { expression, result: value === undefined ? null : value };
});
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
