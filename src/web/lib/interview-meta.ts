import { Blocks, Brain, Code2, Layers, MessagesSquare, SquareTerminal, Users, type LucideIcon } from 'lucide-react';
import type { Difficulty, InterviewType, Level, QuestionType, StarPart } from '../../contract/index.js';
import type { BadgeTone } from '../ui/badge.js';
import type { ScoreTone } from '../ui/score-ring.js';

export const interviewTypes: Array<{ value: InterviewType; label: string; description: string; Icon: LucideIcon }> = [
  { value: 'behavioral', label: 'Behavioral', description: 'Stories about past work: conflict, ownership, impact.', Icon: Users },
  { value: 'technical', label: 'Technical', description: 'Concepts and trade-offs in your field, explained clearly.', Icon: Code2 },
  { value: 'system_design', label: 'System design', description: 'Design a service end to end: scale, data, failure.', Icon: Blocks },
  {
    value: 'communication',
    label: 'Communication',
    description: 'Explain, persuade and handle tricky conversations.',
    Icon: MessagesSquare,
  },
  { value: 'aptitude', label: 'Aptitude', description: 'Reasoning, estimation and problem-solving puzzles.', Icon: Brain },
  {
    value: 'coding',
    label: 'Coding',
    description: 'Solve problems in JavaScript, TypeScript or Python; code runs against hidden tests.',
    Icon: SquareTerminal,
  },
  { value: 'mixed', label: 'Mixed', description: 'A realistic blend of all of the above.', Icon: Layers },
];

const typeLabels: Record<InterviewType, string> = Object.fromEntries(interviewTypes.map((t) => [t.value, t.label])) as Record<
  InterviewType,
  string
>;

export function interviewTypeLabel(type: InterviewType | QuestionType): string {
  return typeLabels[type];
}

/** A question's type as the candidate knows it: a coding problem is stored under a text type but is a coding question. */
export function questionTypeLabel(question: { type: QuestionType; coding?: unknown }): string {
  return interviewTypeLabel(question.coding ? 'coding' : question.type);
}

export const interviewTypeIcons: Record<InterviewType, LucideIcon> = Object.fromEntries(
  interviewTypes.map((t) => [t.value, t.Icon]),
) as Record<InterviewType, LucideIcon>;

export const difficultyLabels: Record<Difficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

export const levels: Array<{ value: Level; label: string; description: string }> = [
  { value: 'junior', label: 'Junior', description: '0–2 years' },
  { value: 'mid', label: 'Mid-level', description: '2–5 years' },
  { value: 'senior', label: 'Senior', description: '5+ years' },
];

export function levelLabel(level: Level): string {
  return levels.find((l) => l.value === level)?.label ?? level;
}

export const dimensionLabels = {
  relevance: 'Relevance',
  correctness: 'Correctness',
  completeness: 'Completeness',
  clarity: 'Clarity',
  structure: 'Structure',
} as const;

export const dimensionHints = {
  relevance: 'Answers the question that was asked',
  correctness: 'Accurate, sound reasoning',
  completeness: 'Covers the key points',
  clarity: 'Easy to follow, well worded',
  structure: 'Organised with a clear flow',
} as const;

export const starLabels: Record<StarPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
};
export const starOrder: StarPart[] = ['situation', 'task', 'action', 'result'];

export interface ScoreBand {
  label: string;
  tone: ScoreTone & BadgeTone;
}

/** Words for a score, so the number is never the only signal. */
export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined) return { label: 'Not scored', tone: 'neutral' };
  if (score >= 85) return { label: 'Excellent', tone: 'success' };
  if (score >= 70) return { label: 'Strong', tone: 'success' };
  if (score >= 55) return { label: 'Solid', tone: 'primary' };
  if (score >= 40) return { label: 'Developing', tone: 'warning' };
  return { label: 'Needs work', tone: 'danger' };
}

export const scoreTextClass: Record<ScoreTone, string> = {
  success: 'text-success',
  primary: 'text-primary',
  warning: 'text-warning',
  danger: 'text-danger',
  neutral: 'text-fg-subtle',
};

export const scoreBarClass: Record<ScoreTone, string> = {
  success: 'bg-success',
  primary: 'bg-primary',
  warning: 'bg-warning',
  danger: 'bg-danger',
  neutral: 'bg-fg-subtle',
};

/** Rough minutes for a practice session: about three per question. */
export function estimatedMinutes(questionCount: number): number {
  return Math.max(3, questionCount * 3);
}
