namespace NonTax.Infrastructure;
internal static class AssemblyMarker { }
