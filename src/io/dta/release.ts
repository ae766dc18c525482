/**
 * Field sizes that differ between `.dta` releases 113–119.
 */

/** Releases this module reads. */
export const SUPPORTED_RELEASES: readonly number[] = [113, 114, 115, 117, 118, 119];

/** Byte sizes of the per-release fields. */
export interface ReleaseLayout {
  readonly release: number;
  /** true for 117+ (`<stata_dta>` tagged layout). */
  readonly tagged: boolean;
  readonly nameLen: number;
  readonly formatLen: number;
  readonly varLabelLen: number;
  /** Bytes of K in the header. */
  readonly kBytes: 2 | 4;
  /** Bytes of N in the header. */
  readonly nBytes: 4 | 8;
  /** Bytes of the data-label length prefix (117+). */
  readonly labelLenBytes: 0 | 1 | 2;
  /** Bytes per sortlist entry. */
  readonly sortEntryBytes: 2 | 4;
  /** Bytes of v in a strL (v,o) reference (117: 4+4, 118: 2+6, 119: 3+5). */
  readonly strlVBytes: 0 | 2 | 3 | 4;
  /** Bytes of o in a GSO header (117: 4, 118+: 8). */
  readonly gsoOBytes: 0 | 4 | 8;
  /** Largest str# width. */
  readonly maxStrWidth: number;
}

/**
 * The layout of a release, or undefined if it is not one of {@link SUPPORTED_RELEASES}.
 * @example releaseLayout(118)?.nameLen // 129
 */
export function releaseLayout(release: number): ReleaseLayout | undefined {
  switch (release) {
    case 113:
      return old(113, 12);
    case 114:
    case 115:
      return old(release, 49);
    case 117:
      return {
        release,
        tagged: true,
        nameLen: 33,
        formatLen: 49,
        varLabelLen: 81,
        kBytes: 2,
        nBytes: 4,
        labelLenBytes: 1,
        sortEntryBytes: 2,
        strlVBytes: 4,
        gsoOBytes: 4,
        maxStrWidth: 2045,
      };
    case 118:
    case 119:
      return {
        release,
        tagged: true,
        nameLen: 129,
        formatLen: 57,
        varLabelLen: 321,
        kBytes: release === 118 ? 2 : 4,
        nBytes: 8,
        labelLenBytes: 2,
        sortEntryBytes: release === 118 ? 2 : 4,
        strlVBytes: release === 118 ? 2 : 3,
        gsoOBytes: 8,
        maxStrWidth: 2045,
      };
    default:
      return undefined;
  }
}

function old(release: number, formatLen: number): ReleaseLayout {
  return {
    release,
    tagged: false,
    nameLen: 33,
    formatLen,
    varLabelLen: 81,
    kBytes: 2,
    nBytes: 4,
    labelLenBytes: 0,
    sortEntryBytes: 2,
    strlVBytes: 0,
    gsoOBytes: 0,
    maxStrWidth: 244,
  };
}
