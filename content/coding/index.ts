import type { CodingProblem } from '../../src/core/coding/problem.js';
import { arraysAndHashing } from './arrays-and-hashing.js';
import { arraysTwoPointers } from './arrays-two-pointers.js';
import { stringsHashing } from './strings-hashing.js';
import { stacksQueues } from './stacks-queues.js';
import { trees } from './trees.js';
import { graphs } from './graphs.js';
import { heapsGreedy } from './heaps-greedy.js';
import { dynamicProgramming } from './dynamic-programming.js';
import { arraysExtra } from './arrays-extra.js';
import { sqlProblems } from './sql.js';
import { stacksGraphsDp } from './stacks-graphs-dp.js';

/** Every coding problem of the bank. Original problems written for Panelist. */
export const codingProblems: CodingProblem[] = [...arraysAndHashing, ...stacksGraphsDp, ...arraysTwoPointers, ...stringsHashing, ...stacksQueues, ...trees, ...graphs, ...heapsGreedy, ...dynamicProgramming, ...arraysExtra, ...sqlProblems];
