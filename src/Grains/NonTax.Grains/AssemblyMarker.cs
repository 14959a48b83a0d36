namespace NonTax.Grains;
internal static class AssemblyMarker { }
