// STAND-IN until h-rules merges (contract section 1): replaced by the rules helper's file.
export const sendAheadS = (lagS: number | null, sendEarly: boolean): number => (sendEarly && lagS !== null ? Math.min(lagS, 10) : 0);
