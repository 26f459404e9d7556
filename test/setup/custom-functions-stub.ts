// Jest runs the function wrappers outside Excel: provide the two CustomFunctions members
// they use, with the same shape as the runtime (code + message).
class StubError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: StubError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
