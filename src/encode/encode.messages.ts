/**
 * What the encode pool and its worker threads send each other: encodes, and renders of
 * the built-in engine. Errors cross the thread boundary as plain data and are rebuilt as
 * the same class with the same code, because the pipeline tells an unavailable target
 * (EncoderUnavailableError) and bad input (AppError) from a failure by them.
 */

import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { RenderCall } from '../engine/render-call.ts';
import { EncoderUnavailableError } from './ffmpeg.ts';
import type { EncodeForPlatformOptions, PlatformFile } from './platform.encode.ts';

export interface EncodeRequest {
  type: 'encode';
  id: number;
  master: FrameSequence;
  platform: PlatformId;
  opts: EncodeForPlatformOptions;
}

export interface RenderRequest {
  type: 'render';
  id: number;
  call: RenderCall;
}

export type PoolRequest = EncodeRequest | RenderRequest;

/** A PlatformFile whose bytes arrive as a plain Uint8Array (structured clone drops Buffer). */
export type WireFile = Omit<PlatformFile, 'buffer'> & { buffer: Uint8Array };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: ErrorCode;
  retryAfterSeconds?: number;
}

export type EncodeReply =
  | { id: number; ok: true; file: WireFile }
  | { id: number; ok: true; frames: FrameSequence }
  | { id: number; ok: false; error: SerializedError };

/** The parts of an error that survive the trip to another thread. */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const out: SerializedError = { name: err.name, message: err.message, stack: err.stack };
  if (err instanceof AppError) {
    out.code = err.code;
    if (err.retryAfterSeconds !== undefined) out.retryAfterSeconds = err.retryAfterSeconds;
  }
  return out;
}

/** The error a worker threw, rebuilt as its class (EncoderUnavailableError, AppError or Error). */
export function reviveError(e: SerializedError): Error {
  let err: Error;
  if (e.name === 'EncoderUnavailableError') err = new EncoderUnavailableError(e.message);
  else if (e.code !== undefined) {
    err = new AppError(e.code, e.message, { retryAfterSeconds: e.retryAfterSeconds });
    err.name = e.name;
  } else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.stack) err.stack = e.stack;
  return err;
}
