// Placeholder controller (replaced by the task pane implementation).
export async function runCommand(_kind: "validasi" | "isi"): Promise<void> {}
