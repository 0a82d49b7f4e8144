/** `npm run kernels`: reassemble simd-kernels.wat into simd-kernels-binary.ts after editing the .wat. */
import { writeFileSync } from 'node:fs';
import { assembleKernels, binaryModuleText, KERNELS_BINARY_TS } from './assemble-kernels';

const bytes = await assembleKernels();
writeFileSync(KERNELS_BINARY_TS, binaryModuleText(bytes));
console.log(`simd-kernels-binary.ts: ${bytes.length} bytes of wasm`);
