/** One image per kind of instance the estate can describe. */
export type AmiKind = 'linux' | 'arm' | 'windows';

interface AmiSpec {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  architecture: 'x86_64' | 'arm64';
  windows: boolean;
  rootDevice: string;
}

const IMAGES: Record<AmiKind, AmiSpec> = {
  linux: {
    id: 'ami-0a3c14e1ddbe7f23c',
    name: 'al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64',
    description: 'Amazon Linux 2023 AMI 2023.6.20241212.0 x86_64 HVM kernel-6.1',
    ownerId: '137112412989',
    architecture: 'x86_64',
    windows: false,
    rootDevice: '/dev/xvda',
  },
  arm: {
    id: 'ami-07b5e4a1c6f4d0b9e',
    name: 'al2023-ami-2023.6.20241212.0-kernel-6.1-arm64',
    description: 'Amazon Linux 2023 AMI 2023.6.20241212.0 arm64 HVM kernel-6.1',
    ownerId: '137112412989',
    architecture: 'arm64',
    windows: false,
    rootDevice: '/dev/xvda',
  },
  windows: {
    id: 'ami-0c2f8d9e4b7a61d35',
    name: 'Windows_Server-2022-English-Full-Base-2024.12.13',
    description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon',
    ownerId: '801119661308',
    architecture: 'x86_64',
    windows: true,
    rootDevice: '/dev/sda1',
  },
};

export function ami(kind: AmiKind): { id: string; rootDevice: string } {
  return IMAGES[kind];
}

/**
 * The AMI file moto loads through MOTO_AMIS_PATH instead of its ~1,100 defaults, each of which costs a
 * volume and a public snapshot in every account and region it touches: slow to create and noisy to list.
 */
export function motoAmiFile(): string {
  const images = Object.values(IMAGES).map((image) => ({
    ami_id: image.id,
    name: image.name,
    description: image.description,
    owner_id: image.ownerId,
    architecture: image.architecture,
    // AWS reports Platform only for Windows.
    platform: image.windows ? 'windows' : null,
    root_device_name: image.rootDevice,
    root_device_type: 'ebs',
    image_location: `amazon/${image.name}`,
    image_type: 'machine',
    state: 'available',
    public: true,
    virtualization_type: 'hvm',
    hypervisor: 'xen',
    sriov: 'simple',
    // No creation_date: moto parses it in place in a list shared by all backends, so the second one fails.
  }));
  return JSON.stringify(images, null, 2);
}
