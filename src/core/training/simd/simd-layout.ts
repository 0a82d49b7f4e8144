/**
 * Where each variable of a head lives in the fused step's memory: one block of floats per model,
 * the trainable variables first (so Adam updates one contiguous prefix), every variable starting
 * on a multiple of 4 floats (whole SIMD lanes). Framework-free apart from reading shapes.
 */
import { LAYER_ORDER, presentLayers, type HeadNetwork, type LayerName } from '../../model/architecture';

export interface Slot {
  layer: LayerName;
  /** Index among the layer's variables (Dense: kernel, bias; BatchNorm: gamma, beta, mean, variance). */
  index: number;
  shape: number[];
  size: number;
  /** Float offset inside a model's block. */
  at: number;
  trainable: boolean;
}

export interface ModelLayout {
  slots: Slot[];
  /** Floats per model block. */
  size: number;
  /** Floats of the trainable prefix (a multiple of 4; 0 = nothing to train). */
  trainable: number;
  /** Layers whose weights train (present and not frozen). */
  trainableLayers: ReadonlySet<LayerName>;
}

const lanes = (n: number) => Math.ceil(n / 4) * 4;

export function layoutOf(net: Pick<HeadNetwork, 'vars'>, frozen?: ReadonlySet<LayerName>): ModelLayout {
  const all: Omit<Slot, 'at'>[] = presentLayers(net).flatMap((layer) =>
    (net.vars[layer] ?? []).map((v, index) => ({
      layer,
      index,
      shape: v.shape.slice(),
      size: v.size,
      // BatchNorm's moving statistics (variables 2 and 3) never train.
      trainable: !frozen?.has(layer) && !(layer.endsWith('_bn') && index >= 2),
    })),
  );
  let at = 0;
  const place = (s: Omit<Slot, 'at'>): Slot => {
    const slot = { ...s, at };
    at += lanes(s.size);
    return slot;
  };
  const trainable = all.filter((s) => s.trainable).map(place);
  const trainableSize = at;
  const fixed = all.filter((s) => !s.trainable).map(place);
  return {
    slots: [...trainable, ...fixed],
    size: at,
    trainable: trainableSize,
    trainableLayers: new Set(trainable.map((s) => s.layer)),
  };
}

/** The slot of variable `index` of `layer` (throws when the layer is absent). */
export function slotOf(layout: ModelLayout, layer: LayerName, index: number): Slot {
  const slot = layout.slots.find((s) => s.layer === layer && s.index === index);
  if (!slot) throw new Error(`layer ${layer} has no variable ${index}`);
  return slot;
}

/** Whether any layer on the input side of `layer` trains (so the gradient must flow past it). */
export function trainsBelow(layout: ModelLayout, layer: LayerName): boolean {
  const at = LAYER_ORDER.indexOf(layer);
  return LAYER_ORDER.some((l, i) => i < at && layout.trainableLayers.has(l));
}

/** Copy a head's variables into the model block at float offset `base` of `f`, as `layout` places them. */
export function readVariables(
  f: Float32Array,
  net: Pick<HeadNetwork, 'vars' | 'head'>,
  layout: ModelLayout,
  base: number,
): void {
  for (const slot of layout.slots) {
    const v = net.vars[slot.layer]?.[slot.index];
    if (!v) throw new Error(`${net.head} head has no variable ${slot.index} of ${slot.layer}`);
    f.set(v.dataSync() as Float32Array, base + slot.at);
  }
}
