"use client";

/** Opens the browser's print dialog (the print stylesheet gives a clean report or PDF). */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
