import { OpusDecoder } from 'opus-decoder';
import { PAUSE_SECONDS } from '../../core/delivery/delivery-metrics.js';
import { opusPacketsOfOgg, opusPacketsOfWebm, type OpusStream } from '../../core/delivery/opus-packets.js';
import { analyseVoice, type VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import { decodeWav, type Pcm } from '../../core/delivery/wav.js';

/** The rate recordings are decoded at: enough for voice activity and pitch, a third of the memory of 48 kHz. */
const RATE = 16000;
/** Packets decoded per call, so a long recording never needs one huge buffer from the decoder. */
const CHUNK = 500;

async function decodeOpus(stream: OpusStream): Promise<Pcm> {
  const decoder = new OpusDecoder({ sampleRate: RATE, channels: stream.channels, preSkip: stream.preSkip });
  await decoder.ready;
  try {
    const parts: Float32Array[] = [];
    let total = 0;
    for (let i = 0; i < stream.packets.length; i += CHUNK) {
      const { channelData, samplesDecoded } = decoder.decodeFrames(stream.packets.slice(i, i + CHUNK));
      const mono = new Float32Array(samplesDecoded);
      for (const channel of channelData) for (let s = 0; s < samplesDecoded; s++) mono[s]! += channel[s]! / channelData.length;
      parts.push(mono);
      total += samplesDecoded;
    }
    const samples = new Float32Array(total);
    let at = 0;
    for (const p of parts) {
      samples.set(p, at);
      at += p.length;
    }
    return { samples, sampleRate: RATE };
  } finally {
    decoder.free();
  }
}

/**
 * Decodes a stored recording (WAV, or Opus in WebM or Ogg: what browsers record) and measures the
 * voice in it. Null when the container or codec is one it does not read (MP4/AAC from Safari) or
 * when no speech is heard; the answer's delivery then rests on the transcript and the recording's length.
 */
export async function voiceOfRecording(bytes: Uint8Array, mimeType: string): Promise<VoiceAnalysis | null> {
  let pcm: Pcm | null = null;
  if (mimeType.includes('wav')) pcm = decodeWav(bytes);
  else if (mimeType.includes('webm') || mimeType.includes('matroska')) {
    const stream = opusPacketsOfWebm(bytes);
    if (stream) pcm = await decodeOpus(stream);
  } else if (mimeType.includes('ogg')) {
    const stream = opusPacketsOfOgg(bytes);
    if (stream) pcm = await decodeOpus(stream);
  }
  return pcm ? analyseVoice(pcm, PAUSE_SECONDS) : null;
}
