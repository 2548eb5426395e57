/**
 * The SageMaker API model (a botocore service-2 subset) that the emulator validates against.
 * Read at start-up from test/reference/ in the repository (see its README for where the model comes
 * from), so the rules the emulator enforces are exactly the ones the model declares.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ShapeRef {
  shape: string;
  documentation?: string;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'double' | 'float' | 'blob';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

export interface Operation {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ApiModel {
  metadata: { targetPrefix: string; signingName: string; jsonVersion: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
  paginators?: Record<string, { input_token: string; output_token: string; limit_key: string; result_key: string }>;
}

const MODEL_RELATIVE = path.join('test', 'reference', 'sagemaker-api-model.json');

/** The repository root: the nearest ancestor of this file holding package.json (works from test/ and out/test/). */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`SageMaker emulator: no package.json above ${__dirname}`);
    }
    dir = parent;
  }
}

/** Where the model file is; SAGEMAKER_API_MODEL overrides it for unusual layouts. */
export function apiModelPath(): string {
  return process.env.SAGEMAKER_API_MODEL ?? path.resolve(repoRoot(), MODEL_RELATIVE);
}

let cached: ApiModel | undefined;

export function loadApiModel(): ApiModel {
  if (!cached) {
    const file = apiModelPath();
    if (!fs.existsSync(file)) {
      throw new Error(`SageMaker emulator: API model not found at ${file} (it is part of the repository: test/reference/)`);
    }
    cached = JSON.parse(fs.readFileSync(file, 'utf8')) as ApiModel;
  }
  return cached;
}
