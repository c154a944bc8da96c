import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Where random bytes come from (a port, so tests can be deterministic). */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** The platform's CSPRNG (Web Crypto `getRandomValues`, in Node and the browser alike). */
export const secureRandom: RandomSource = { bytes: (length) => randomBytes(length) };

/** A secret ballot's row key: 128 random bits, so keys carry no order, time or identity. */
export function newBallotKey(random: RandomSource): string {
  return bytesToHex(random.bytes(16));
}

/**
 * Recognises a retried submit without storing anything that reveals the choice: a hash of the
 * client's submission id (a random id the ballot form makes once) with the motion and the voter.
 */
export function submissionTag(motionId: string, userId: string, submissionId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`qcdc/vote/tag\n${motionId}\n${userId}\n${submissionId}`)));
}

function mask(motionId: string, userId: string, submissionId: string): Uint8Array {
  return sha256(utf8ToBytes(`qcdc/vote/mask\n${motionId}\n${userId}\n${submissionId}`)).slice(
    0,
    16,
  );
}

/**
 * While a secret cast is in flight its receipt keeps the ballot's key XOR-masked with a hash of the
 * submission id: the voter's retry (which carries the same submission id) can finish the cast after
 * a crash, while someone reading the table cannot tell which ballot the key points to. The masked key
 * is erased when the cast completes.
 */
export function maskBallotKey(
  key: string,
  motionId: string,
  userId: string,
  submissionId: string,
): string {
  const keyBytes = hexToBytes(key);
  const pad = mask(motionId, userId, submissionId);
  return bytesToHex(keyBytes.map((byte, index) => byte ^ pad[index]!));
}

/** The inverse of maskBallotKey (XOR is its own inverse). */
export const unmaskBallotKey = maskBallotKey;
