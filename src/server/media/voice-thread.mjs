// Worker-thread entry for measuring the voice in a recording. Worker threads do not inherit the
// loader hooks of the main thread, so this plain-JS file registers tsx before loading TypeScript.
import { readFile } from 'node:fs/promises';
import { register } from 'tsx/esm/api';

register();
const { voiceOfRecording } = await import('./voice-of-recording.ts');

export default async function analyse({ file, mimeType }) {
  return voiceOfRecording(new Uint8Array(await readFile(file)), mimeType);
}
