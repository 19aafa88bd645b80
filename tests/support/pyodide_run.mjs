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

for (const source of packages.split(":")) copyTree(source, lib + "/" + path.basename(source));
pyodide.FS.writeFile("/home/pyodide/input.json", fs.readFileSync(input));
pyodide.runPython(`import sys; sys.path.insert(0, "${lib}")`);
process.stdout.write(String(await pyodide.runPythonAsync(fs.readFileSync(script, "utf8"))));
