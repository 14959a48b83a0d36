namespace NonTax.Protocol;
internal static class AssemblyMarker { }
