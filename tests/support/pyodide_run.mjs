// Run a Python file in a real Pyodide (Node.js), with pure-Python packages copied into its file system.
// usage: node pyodide_run.mjs <pyodide dir> <package dirs, ":"-separated> <python file> <input json>
// The Python file's last expression (a string) is printed on stdout; input.json is /home/pyodide/input.json.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [, , pyodideDir, packages, script, input] = process.argv;
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: () => {} });
const lib = "/home/pyodide/lib";

function copyTree(source, target) {
  pyodide.FS.mkdirTree(target);
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const from = path.join(source, entry.name);
    const to = target + "/" + entry.name;
    if (entry.isDirectory()) copyTree(from, to);
    else if (entry.name.endsWith(".py")) pyodide.FS.writeFile(to, fs.readFileSync(from));
  }
}

// A stand-in for the functions xlwings Lite's add-in gives Python (js.xlwings; xlwings' client_read and
// Book.flush call them): runActions records the actions Excel is asked to do, or refuses them the way
// Office.js does (an Error with a code) when the press asks; getRangeData answers "formulas" from the
// press's formulas (cell -> "=..."), else the cell's value as text, as Excel gives a constant's formula.
globalThis.orsheetPress = { formulas: {}, values: {}, refuse: null, noRangeData: false, flushed: [] };
function columnNumber(letters) {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}
function columnLetters(n) {
  let letters = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
globalThis.xlwings = {
  async runActions(data) {
    const press = globalThis.orsheetPress;
    if (press.refuse) {
      const error = new Error(press.refuse.message);
      error.name = "RichApi.Error";
      error.code = press.refuse.code;
      throw error;
    }
    press.flushed.push(...JSON.parse(JSON.stringify(data.actions)));
  },
  async getRangeData(sheet, address, keys) {
    const press = globalThis.orsheetPress;
    if (press.noRangeData) throw new Error("xlwings.getRangeData is not a function");  // an older add-in
    const [first, last = first] = address.replaceAll("$", "").split(":");
    const [, c1, r1] = first.match(/([A-Z]+)(\d+)/), [, c2, r2] = last.match(/([A-Z]+)(\d+)/);
    const grid = [];
    for (let r = Number(r1); r <= Number(r2); r++) {
      const row = [];
      for (let c = columnNumber(c1); c <= columnNumber(c2); c++) {
        const cell = columnLetters(c) + r;
        const value = ((press.values[sheet] || [])[r - 1] || [])[c - 1];
        row.push((press.formulas[sheet] || {})[cell] ?? (value === undefined || value === null ? "" : String(value)));
      }
      grid.push(row);
    }
    const answer = {};
    for (const key of keys) answer[key] = key === "formulas" ? grid : null;
    return answer;
  },
};

for (const source of packages.split(":")) copyTree(source, lib + "/" + path.basename(source));
pyodide.FS.writeFile("/home/pyodide/input.json", fs.readFileSync(input));
pyodide.runPython(`import sys; sys.path.insert(0, "${lib}")`);
process.stdout.write(String(await pyodide.runPythonAsync(fs.readFileSync(script, "utf8"))));
