// The word pool of the diverse-vocabulary prompts: each item draws its own four action words from
// it (the Debunk study's per-sample random vocabularies drew from about 270 everyday words). Our
// own list: plain lowercase words, none of them a direction or a label of another variant, so a
// drawn word never means something else already.
export const WORD_POOL: readonly string[] = [
  // animals
  'ant', 'badger', 'bat', 'bear', 'beaver', 'bee', 'bison', 'camel', 'cat', 'cobra',
  'cow', 'crab', 'crane', 'crow', 'deer', 'dog', 'dolphin', 'donkey', 'duck', 'eagle',
  'eel', 'falcon', 'ferret', 'fox', 'frog', 'gecko', 'goat', 'goose', 'hare', 'hawk',
  'heron', 'horse', 'koala', 'lemur', 'lion', 'lizard', 'llama', 'lynx', 'mole', 'moose',
  'mouse', 'otter', 'owl', 'panda', 'parrot', 'pigeon', 'puma', 'rabbit', 'raven', 'seal',
  'shark', 'sheep', 'snail', 'swan', 'tiger', 'toad', 'trout', 'turtle', 'walrus', 'wolf',
  // nature
  'brook', 'canyon', 'cliff', 'cloud', 'coral', 'creek', 'dune', 'fern', 'forest', 'glacier',
  'grove', 'hill', 'island', 'lagoon', 'leaf', 'meadow', 'moss', 'oak', 'ocean', 'pebble',
  'pine', 'pond', 'rain', 'reef', 'ridge', 'river', 'rock', 'sand', 'snow', 'storm',
  'stream', 'thunder', 'tree', 'tundra', 'valley', 'volcano', 'wave', 'willow', 'wind', 'freedom',
  // colours
  'amber', 'azure', 'beige', 'cobalt', 'crimson', 'cyan', 'ebony', 'emerald', 'gold', 'indigo',
  'ivory', 'jade', 'lavender', 'lilac', 'magenta', 'maroon', 'mauve', 'ochre', 'olive', 'pearl',
  'ruby', 'saffron', 'scarlet', 'sepia', 'silver', 'teal', 'topaz', 'turquoise', 'umber', 'violet',
  // objects
  'anchor', 'anvil', 'basket', 'bell', 'blanket', 'bottle', 'bucket', 'button', 'candle', 'chair',
  'clock', 'compass', 'cup', 'drum', 'feather', 'flute', 'fork', 'hammer', 'helmet', 'kettle',
  'key', 'ladder', 'lamp', 'lantern', 'mirror', 'needle', 'pencil', 'pillow', 'rope', 'saddle',
  'scissors', 'shovel', 'spoon', 'stool', 'table', 'teapot', 'violin', 'wagon', 'whistle', 'zipper',
  // food
  'apple', 'bagel', 'banana', 'bread', 'butter', 'carrot', 'cheese', 'cherry', 'cookie', 'cracker',
  'garlic', 'ginger', 'grape', 'honey', 'lemon', 'lettuce', 'mango', 'melon', 'muffin', 'noodle',
  'onion', 'pasta', 'peach', 'peanut', 'pepper', 'pickle', 'plum', 'potato', 'pumpkin', 'radish',
  'raisin', 'rice', 'salad', 'soup', 'tomato', 'toast', 'waffle', 'walnut', 'yogurt', 'biscuit',
  // verbs
  'bake', 'bounce', 'build', 'carry', 'catch', 'climb', 'dance', 'dig', 'draw', 'dream',
  'fix', 'fold', 'gather', 'hum', 'juggle', 'knit', 'laugh', 'mend', 'paint', 'plant',
  'read', 'sing', 'sketch', 'skip', 'sleep', 'swim', 'think', 'wander', 'whisper', 'write',
  // adjectives
  'ancient', 'brave', 'bright', 'calm', 'clever', 'cozy', 'curious', 'eager', 'fancy', 'fuzzy',
  'gentle', 'glossy', 'happy', 'humble', 'jolly', 'kind', 'lively', 'lucky', 'mellow', 'noble',
  'polite', 'proud', 'quiet', 'rapid', 'shiny', 'silent', 'sturdy', 'swift', 'tiny', 'witty',
];
