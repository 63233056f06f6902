using System.Runtime.CompilerServices;

// Every stack buffer the encoder takes (the token, the payload JSON, the MAC) is written in full before it is read,
// so zeroing it first is wasted work (a same-process A/B measured it as a small part of a token). The compiler needs
// AllowUnsafeBlocks for this attribute; the library has no unsafe code.
[module: SkipLocalsInit]
