import { describe, expect, it } from 'vitest';
import { opusPacketsOfOgg, opusPacketsOfWebm } from '../../core/delivery/opus-packets.js';
import { chromiumRecording, voiceFixtures } from '../testing/voice-fixtures.js';
import { voiceOfRecording } from './voice-of-recording.js';

/** Ogg pages (RFC 3533) around the given packets, as Firefox writes Opus: OpusHead, OpusTags, then audio. */
function oggOf(packets: Uint8Array[], channels: number): Uint8Array {
  const head = new Uint8Array(19);
  head.set(new TextEncoder().encode('OpusHead'));
  head[8] = 1;
  head[9] = channels;
  new DataView(head.buffer).setUint32(12, 48000, true);
  const tags = new TextEncoder().encode('OpusTags\0\0\0\0\0\0\0\0');
  const pages: Uint8Array[] = [];
  [head, tags, ...packets].forEach((packet, seq) => {
    const lacing: number[] = [];
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
    const page = new Uint8Array(27 + lacing.length + packet.length);
    page.set(new TextEncoder().encode('OggS'));
    const view = new DataView(page.buffer);
    view.setUint32(14, 0x1234, true);
    view.setUint32(18, seq, true);
    page[26] = lacing.length;
    page.set(lacing, 27);
    page.set(packet, 27 + lacing.length);
    pages.push(page);
  });
  return Buffer.concat(pages);
}

describe('the voice in a stored recording', () => {
  const webm = chromiumRecording();
  const fixture = voiceFixtures().find((f) => f.targetWordsPerMinute === 160)!;

  it("reads Chromium's WebM: the Opus track, then the pauses of the answer it recorded", async () => {
    const stream = opusPacketsOfWebm(webm)!;
    // Chromium writes 60 ms Opus packets at this bit rate: 383 over the 23 s recorded.
    expect(stream.packets.length).toBeGreaterThan(350);
    const voice = (await voiceOfRecording(webm, 'audio/webm'))!;
    expect(voice.pauses).toHaveLength(fixture.pauses.length);
    expect(Math.abs((fixture.words / voice.speakingSeconds) * 60 - 160)).toBeLessThan(160 * 0.08);
  });

  it('reads the same Opus in Ogg, as Firefox records it, and finds the same pauses', async () => {
    const stream = opusPacketsOfWebm(webm)!;
    const ogg = oggOf(stream.packets, stream.channels);
    expect(opusPacketsOfOgg(ogg)!.packets).toHaveLength(stream.packets.length);
    const fromOgg = (await voiceOfRecording(ogg, 'audio/ogg'))!;
    const fromWebm = (await voiceOfRecording(webm, 'audio/webm'))!;
    expect(fromOgg.pauses.map((p) => p.startSeconds)).toEqual(fromWebm.pauses.map((p) => p.startSeconds));
  });

  it('gives nothing, rather than a guess, for a file it cannot read', async () => {
    expect(await voiceOfRecording(webm.subarray(0, 40), 'audio/webm')).toBeNull();
    expect(await voiceOfRecording(new TextEncoder().encode('....ftypM4A '), 'audio/mp4')).toBeNull();
    expect(opusPacketsOfWebm(new TextEncoder().encode('OggS and more'))).toBeNull();
    expect(opusPacketsOfOgg(webm)).toBeNull();
  });
});
