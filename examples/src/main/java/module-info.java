/** weft's examples: the seed's programs, ported line for line, and a loopback demo. */
module dev.weft.examples {
    requires dev.weft;
    requires dev.weft.server;
}
