/**
 * The body of the voice worker thread (see voice-analyser.ts). Started from
 * dist/server/voice-thread.mjs (precompiled) or, in development, from voice-thread.mjs.
 */
import { readFile } from 'node:fs/promises';
import type { VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import { voiceOfRecording } from './voice-of-recording.js';

export default async function analyse({ file, mimeType }: { file: string; mimeType: string }): Promise<VoiceAnalysis | null> {
  return voiceOfRecording(new Uint8Array(await readFile(file)), mimeType);
}
