package org.p2pstorage.transfer.entity;

import java.util.List;

/** Statistics per interface and for the whole network, with the seed that drives its randomness. */
public record NetworkStatistics(long seed, List<InterfaceStatistics> interfaces, InterfaceStatistics total) {
}
