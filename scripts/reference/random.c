/*
 * Reference stream for crmkit's seeded generator (src/core/random.ts), written from the published
 * algorithm descriptions: SplitMix32 seeding (Weyl step 0x9E3779B9 + MurmurHash3 fmix32) and
 * xoshiro128** 1.0 (Blackman & Vigna). Built with the system C compiler (gcc 12.2.0, Debian 12):
 *   cc -O2 -o /tmp/random-ref scripts/reference/random.c && /tmp/random-ref > test/fixtures/random.json
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t s[4];
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t next(void) {
  uint32_t result = rotl(s[1] * 5, 7) * 9;
  uint32_t t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return result;
}
static uint32_t fmix32(uint32_t z) {
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}
static void seed(uint32_t x) {
  uint32_t w = x;
  for (int i = 0; i < 4; i++) { w += 0x9e3779b9u; s[i] = fmix32(w); }
  if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
}
int main(void) {
  uint32_t seeds[] = {0u, 1u, 42u, 123456789u, 4294967295u};
  printf("{\n  \"generator\": \"xoshiro128** 1.0 seeded by SplitMix32\",\n  \"cases\": [\n");
  for (int c = 0; c < 5; c++) {
    seed(seeds[c]);
    printf("    { \"seed\": %u, \"state\": [%u, %u, %u, %u], \"uint32\": [", seeds[c], s[0], s[1], s[2], s[3]);
    for (int i = 0; i < 20; i++) printf("%s%u", i ? ", " : "", next());
    printf("], \"uniform\": [");
    for (int i = 0; i < 10; i++) {
      uint32_t a = next() >> 5, b = next() >> 6;
      printf("%s%.17g", i ? ", " : "", (a * 67108864.0 + b) / 9007199254740992.0);
    }
    printf("] }%s\n", c < 4 ? "," : "");
  }
  printf("  ]\n}\n");
  return 0;
}
