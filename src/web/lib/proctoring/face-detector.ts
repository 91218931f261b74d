import manifest from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json' with { type: 'json' };
import weightsUrl from '@vladmandic/face-api/model/tiny_face_detector_model.bin?url';
import type * as FaceApiModule from '@vladmandic/face-api';

/**
 * Counts faces in a video frame, in the browser, with the tiny face detector whose weights ship
 * inside the @vladmandic/face-api package (served with the app: nothing is fetched from elsewhere,
 * and no frame leaves the page). The library (with TensorFlow.js, about 1.3 MB) is loaded only when
 * a camera-proctored interview needs it.
 */

type FaceApi = typeof FaceApiModule;

export interface FaceCount {
  faces: number;
  /** How long the detection took, for throttling. */
  ms: number;
}

let loading: Promise<FaceApi> | null = null;

async function load(): Promise<FaceApi> {
  const api = await import('@vladmandic/face-api');
  const weights = await (await fetch(weightsUrl)).arrayBuffer();
  const specs = (manifest as { weights: Parameters<FaceApi['tf']['io']['decodeWeights']>[1] }[])[0]!.weights;
  api.nets.tinyFaceDetector.loadFromWeightMap(api.tf.io.decodeWeights(weights, specs));
  return api;
}

export function loadFaceDetector(): Promise<FaceApi> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Faces in the video's current frame (320 px input: small faces at laptop distance are still found). */
export async function countFaces(video: HTMLVideoElement): Promise<FaceCount> {
  const api = await loadFaceDetector();
  const started = performance.now();
  const found = await api.detectAllFaces(video, new api.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 }));
  return { faces: found.length, ms: performance.now() - started };
}
