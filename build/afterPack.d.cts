// Types for build/afterPack.cjs, so the build tests can import it.
import type * as Fuses from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

type FuseName = keyof typeof Fuses.FuseV1Options;

export declare const REQUIRED_FUSES: Readonly<Partial<Record<FuseName, boolean>>>;
export declare function fuseConfig(fuses: typeof Fuses): Fuses.FuseConfig;
export declare function electronBinaryPath(context: AfterPackContext): string;
export declare function afterPack(context: AfterPackContext): Promise<void>;
