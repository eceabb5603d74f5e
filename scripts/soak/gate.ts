/** At most `capacity` tasks at a time; the others wait their turn, first come first served. */
export class Gate {
  private readonly capacity: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
