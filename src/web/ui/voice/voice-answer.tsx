import { useState } from 'react';
import { InterviewerPanel } from './interviewer-panel.js';
import { RecorderPanel, type SavedRecording } from './recorder-panel.js';
import { useVoiceSettings } from './voice-settings.js';

/**
 * Everything spoken around one question: the interviewer reading it aloud, and the candidate
 * answering out loud. The interview session page mounts this once above its answer form, keyed
 * by question, and takes the transcript as the answer text and the recording's id for submit.
 */
export function VoiceAnswer({
  questionId,
  questionText,
  lang,
  orgId,
  onTranscript,
  onRecordingChange,
}: {
  questionId: string;
  questionText: string;
  lang?: string | undefined;
  orgId?: string | null | undefined;
  onTranscript: (text: string) => void;
  onRecordingChange: (recording: SavedRecording | null) => void;
}) {
  const [settings, updateSettings] = useVoiceSettings();
  const [listening, setListening] = useState(false);
  const language = lang ?? 'en';
  return (
    <div className="space-y-4">
      <InterviewerPanel
        text={questionText}
        readKey={questionId}
        lang={language}
        listening={listening}
        settings={settings}
        onSettings={updateSettings}
      />
      {settings.recorder ? (
        <RecorderPanel
          lang={language}
          orgId={orgId}
          onTranscript={onTranscript}
          onRecordingChange={onRecordingChange}
          onListening={setListening}
        />
      ) : null}
    </div>
  );
}
