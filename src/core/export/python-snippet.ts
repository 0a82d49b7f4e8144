/**
 * "Use it in Python": the copyable snippet the export panel shows for the chosen strategy — the real
 * command lines of examples/python/predict.py on the bundle "Download model" writes, and the same from
 * Python. Pure text, so the panel shows exactly what a test checks against predict.py's options.
 */
import { bundleFileName } from './bundle-manifest';

export interface PythonSnippetInput {
  strategyId: string;
  /** The export's date, as in the downloaded file's name. */
  date: Date;
  /** The task export the lab holds (its self-check only applies to that file). */
  tasksFile: string;
  /** Bundles with masked ids need predict.py's --user-map. */
  masked: boolean;
}

/** A word the shell passes through unchanged, or the text in single quotes. */
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function pythonSnippet({ strategyId, date, tasksFile, masked }: PythonSnippetInput): string {
  const zip = bundleFileName(strategyId, date);
  const bundle = shellWord(zip);
  const tasks = shellWord(tasksFile);
  const userMap = masked ? ' --user-map auto' : '';
  const py = (s: string) => JSON.stringify(s);
  return `# numpy only: python3 -m pip install numpy  (Debian: apt-get install python3-numpy)
# predict.py: "Download predict.py" here, or examples/python/predict.py in the lab's repository
python3 predict.py ${bundle} ${tasks} --self-check
python3 predict.py ${bundle} ${tasks}${userMap} --out predictions.csv
python3 predict.py ${bundle} ${tasks}${userMap} --next USER_ID TOPIC medium
${masked ? '# ids are masked: "auto" labels the users of the export\'s own file as the lab did\n' : ''}
# or from Python, with predict.py beside your script
import predict
bundle = predict.load_bundle(${py(zip)})
tasks = predict.read_tasks(${py(tasksFile)}).tasks  # canonical order: by completed_at, ties in file order
${masked ? 'labels = predict.lab_labels(tasks)\n' : ''}p_correct, seconds, routes = bundle.predict(tasks, predict.history_features(tasks)${masked ? ', lambda u: labels.get(u, u)' : ''})
`;
}
